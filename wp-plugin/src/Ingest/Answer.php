<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * An HTTP answer of a public endpoint: status, JSON body and extra headers,
 * emitted by collect.php directly or wrapped in a WP_REST_Response.
 */
final class Answer
{
	/** How collect.php writes a body, and how a stored answer is kept. */
	public const JSON_FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;
	/** Every answer is one visitor's: kept by no browser, proxy, CDN or page cache. */
	public const NO_CACHE = 'no-store, private';

	/**
	 * @param array<string, mixed>  $body
	 * @param array<string, string> $headers
	 */
	public function __construct(
		public readonly int $status,
		public readonly array $body,
		public readonly array $headers = [],
	) {
	}

	/** @param array<string, mixed> $result */
	public static function success(array $result): self
	{
		return new self(200, ['success' => true, 'result' => $result]);
	}

	/** `{"success": true}`: the answer of a call that only changes data. */
	public static function done(): self
	{
		return new self(200, ['success' => true]);
	}

	/**
	 * `{"success": true, "result": <value>}`, the documented callback shape of a read.
	 *
	 * @param bool|string|\stdClass $result an object, not an array, so that a map stays a JSON object
	 */
	public static function result(bool|string|\stdClass $result): self
	{
		return new self(200, ['success' => true, 'result' => $result]);
	}

	/** A 200 answer kept as JSON by an earlier request. */
	public static function fromJson(string $json): self
	{
		$body = json_decode($json, true, 16, JSON_THROW_ON_ERROR);
		if (!is_array($body)) {
			throw new \UnexpectedValueException('A stored answer must be a JSON object.');
		}
		return new self(200, $body);
	}

	public function json(): string
	{
		return json_encode($this->body, self::JSON_FLAGS | JSON_THROW_ON_ERROR);
	}

	/** @param string $allow the method a 405 names in its Allow header */
	public static function refusal(Refusal $refusal, string $allow = 'POST'): self
	{
		$headers = $refusal->status === 405 ? ['Allow' => $allow] : [];
		if ($refusal->retryAfter > 0) {
			$headers['Retry-After'] = (string) $refusal->retryAfter;
		}
		return new self($refusal->status, self::failure($refusal->errorCode, $refusal->field, $refusal->getMessage()), $headers);
	}

	public static function storageUnavailable(string $message = 'The hit could not be stored; try again later.'): self
	{
		return new self(
			503,
			self::failure('storage_unavailable', '', $message),
			['Retry-After' => '60'],
		);
	}

	/** @return array<string, mixed> */
	private static function failure(string $code, string $field, string $message): array
	{
		return ['success' => false, 'result' => ['code' => $code, 'field' => $field, 'message' => $message]];
	}
}
