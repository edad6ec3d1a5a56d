import type { PostRef } from '../../shared/messages.ts'

/** Who the tip is for, as the panel names them: the display name the site shows, else @handle. */
export function recipientName(post: PostRef): string {
  return post.displayName?.trim() || `@${post.handle}`
}
