import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedList, formSchema, optionOrBlank, optionsIn } from './form-schema';

const commentInput = z.object({
  editId: z.uuid(),
  body: z.string().trim().min(1, 'validation.required'),
  kind: z.enum(['support', 'object']).optional(),
});
interface CommentValues {
  body: string;
  kind: 'support' | 'object' | '';
}
const editId = '0b9d2a3e-8f4c-4c1e-9a43-6c1f5d2e7a10';
const schema = formSchema(
  (values: CommentValues) => ({ ...values, kind: values.kind || undefined, editId }),
  commentInput,
);

describe('formSchema', () => {
  it('reshapes the form values into the procedure input', async () => {
    await expect(schema.parseAsync({ body: ' Yes ', kind: '' })).resolves.toEqual({
      editId,
      body: 'Yes',
      kind: undefined,
    });
  });

  it("reports the procedure schema's issues on the field they belong to", async () => {
    const result = await schema.safeParseAsync({ body: '   ', kind: 'support' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['body', 'validation.required'],
    ]);
  });
});

describe('optionOrBlank and optionsIn', () => {
  const kinds = ['support', 'object'] as const;

  it('keep stored values that are among the options', () => {
    expect(optionOrBlank(kinds, 'object')).toBe('object');
    expect(optionsIn(kinds, ['object', 'support'])).toEqual(['object', 'support']);
  });

  it('leave out values the form has no field for', () => {
    expect(optionOrBlank(kinds, 'abstain')).toBe('');
    expect(optionOrBlank(kinds, null)).toBe('');
    expect(optionsIn(kinds, ['abstain', 'support'])).toEqual(['support']);
  });
});

describe('checkedList', () => {
  it('reads a single box and an unticked one as lists', () => {
    expect(checkedList(['a', 'b'])).toEqual(['a', 'b']);
    expect(checkedList('a')).toEqual(['a']);
    expect(checkedList(false)).toEqual([]);
    expect(checkedList('')).toEqual([]);
  });
});
