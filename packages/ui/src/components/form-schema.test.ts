import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formSchema } from './form-schema';

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
