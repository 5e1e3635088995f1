<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * An HTTP answer of the hit endpoint: status, JSON body and extra headers,
 * emitted by collect.php directly or wrapped in a WP_REST_Response.
 */
final class Answer
{
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

	public static function refusal(Refusal $refusal): self
	{
		return new self(
			$refusal->status,
			self::failure($refusal->errorCode, $refusal->field, $refusal->getMessage()),
			$refusal->status === 405 ? ['Allow' => 'POST'] : [],
		);
	}

	public static function storageUnavailable(): self
	{
		return new self(
			503,
			self::failure('storage_unavailable', '', 'The hit could not be stored; try again later.'),
			['Retry-After' => '60'],
		);
	}

	/** @return array<string, mixed> */
	private static function failure(string $code, string $field, string $message): array
	{
		return ['success' => false, 'result' => ['code' => $code, 'field' => $field, 'message' => $message]];
	}
}
