<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Options;

/**
 * WordPress comments, when switched on in the settings (off by default): `comment_post`
 * ($comment_id, $comment_approved, $commentdata). Spam, trash, pingbacks and trackbacks are left out.
 */
final class Comments implements Integration
{
	public function id(): string
	{
		return 'comments';
	}

	public function isActive(): bool
	{
		return (string) get_option(Options::CAPTURE_COMMENTS, '0') === '1';
	}

	public function register(Capture $capture): void
	{
		add_action('comment_post', static function ($commentId = null, $approved = null, $data = null) use ($capture): void {
			$capture->guard('comments', static function () use ($approved, $data): ?Submission {
				$postId = (int) Read::get($data, 'comment_post_ID');
				return self::extract($approved, $data, $postId > 0 ? get_the_title($postId) : '');
			});
		}, 10, 3);
	}

	public static function extract(mixed $approved, mixed $data, string $postTitle): ?Submission
	{
		if (!is_array($data) || in_array($approved, ['spam', 'trash'], true)
			|| in_array(Read::text($data, 'comment_type'), ['pingback', 'trackback'], true)) {
			return null;
		}
		$url = Read::text($data, 'comment_author_url');
		return new Submission(
			(string) Read::text($data, 'comment_post_ID'),
			/* translators: %s: the title of the post that was commented on */
			$postTitle === '' ? 'Comment' : sprintf(function_exists('__') ? __('Comment: %s', 'leadtrail') : 'Comment: %s', $postTitle),
			$url === '' ? [] : [new CapturedField('comment_author_url', 'Website', 'url', $url)],
			[],
			[
				'name' => Read::text($data, 'comment_author'),
				'email' => Read::text($data, 'comment_author_email'),
				'message' => Read::text($data, 'comment_content'),
			],
		);
	}
}
