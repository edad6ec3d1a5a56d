// The post's own first words under the panel's title, in the post's language: the reader sees which
// post the tip is for. A profile's Send has no post, and shows none.
import type { PostRef } from '../../shared/messages.ts'

export function PostExcerpt({ post }: { post: PostRef }) {
  if (!post.excerpt) return null
  return (
    <blockquote class="post-excerpt" data-testid="post-excerpt" lang={post.excerpt.lang ?? undefined} dir="auto">
      {post.excerpt.text}
    </blockquote>
  )
}
