import { z } from 'zod';

/**
 * What a form may hand its schema: the procedure's input keys with their own types, or blank (a field left empty is
 * the schema's to refuse with its own message, not a type error). Nested objects and lists (an event, a list of
 * targets) are held the same way, so a blank field deep in a form is refused by the schema too, on its own path.
 */
export type UncheckedInput<T> = T extends readonly (infer Item)[]
  ? UncheckedInput<Item>[]
  : T extends Date
    ? T | '' | undefined
    : T extends object
      ? { [K in keyof T]?: UncheckedInput<T[K]> }
      : T | '' | undefined;

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

const isOption = <T extends string>(options: readonly T[], value: unknown): value is T =>
  (options as readonly unknown[]).includes(value);

/**
 * A stored value as a form's choice: itself when it is one of `options`, else blank, so the form asks again rather
 * than holding a value none of its fields can show.
 */
export function optionOrBlank<T extends string>(
  options: readonly T[],
  value: string | null | undefined,
): T | '' {
  return isOption(options, value) ? value : '';
}

/** The stored values that are among `options`: a checkbox group holds only boxes it shows. */
export function optionsIn<T extends string>(options: readonly T[], values: readonly string[]): T[] {
  return values.filter((value) => isOption(options, value));
}

/** A checkbox group's value as a list: a group with a single box hands back that box's value (or nothing) instead. */
export function checkedList<T>(value: T[] | T | '' | false | undefined): T[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}
