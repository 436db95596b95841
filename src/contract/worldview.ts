/** Wire shapes for worldview pages and the conversations allowed to read them. */
import { z } from 'zod';

/**
 * Optional prompts a person may answer on their page, in our own words. There are deliberately no fields
 * for diagnoses, symptoms or risk: the page holds only what the person chooses to say.
 */
export const WORLDVIEW_PROMPTS = [
  { key: 'making-sense', text: 'How have you come to make sense of what you have lived through?' },
  { key: 'what-helps', text: 'What has helped, even a little, when things were hard?' },
  { key: 'know-about-me', text: 'What would you like people to know about you before you talk?' },
  {
    key: 'words',
    text: 'Are there words you use for your experience, or words you would rather others avoid?',
  },
  { key: 'curious', text: 'What are you curious about in how other people see things?' },
] as const;

export const WorldviewPromptKey = z.enum([
  'making-sense',
  'what-helps',
  'know-about-me',
  'words',
  'curious',
]);

export const SaveWorldviewBody = z
  .object({
    body: z.string().max(20000, 'Please keep your page to 20,000 characters or fewer.'),
    answers: z
      .partialRecord(
        WorldviewPromptKey,
        z.string().max(4000, 'Please keep each answer to 4,000 characters or fewer.'),
      )
      .default({}),
  })
  .strict();

export const WorldviewPageView = z.object({
  userId: z.string(),
  displayName: z.string(),
  body: z.string(),
  answers: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable(),
});
export type WorldviewPageView = z.infer<typeof WorldviewPageView>;

export const ReaderView = z.object({ conversationId: z.string(), grantedAt: z.string() });

export const MyWorldview = z.object({ page: WorldviewPageView, readers: z.array(ReaderView) });
export type MyWorldview = z.infer<typeof MyWorldview>;

export const ReaderList = z.object({ readers: z.array(ReaderView) });
export const SharedPageList = z.object({ pages: z.array(WorldviewPageView) });
