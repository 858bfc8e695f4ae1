import { z } from 'zod';

/**
 * What a form may hand its schema: the procedure's input keys with their own types, or blank (a field left empty is
 * the schema's to refuse with its own message, not a type error).
 */
export type UncheckedInput<T> = { [K in keyof T]?: T[K] | '' | undefined };

/**
 * A form's schema: values shaped for its fields (blank strings, unticked boxes) are reshaped by `toInput` into the
 * procedure's input and checked by the procedure's own zod schema. `toInput`'s keys and value types are checked
 * against that input, so the form and the API agree by type without casts, and every issue keeps the schema's path
 * so it lands on its field. (zod's `pipe` would demand the two sides' types be identical rather than compatible.)
 */
export function formSchema<TValues, TSchema extends z.ZodType>(
  toInput: (values: TValues) => UncheckedInput<z.input<TSchema>>,
  schema: TSchema,
) {
  return z.custom<TValues>().transform(async (values, ctx): Promise<z.output<TSchema>> => {
    const result = await schema.safeParseAsync(toInput(values));
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: values });
    }
    return z.NEVER;
  });
}
