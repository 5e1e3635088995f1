<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Mail\DigestLetter;

/** A letter to fixed recipients that cannot write the body of one row (throwFor). */
final class FixedLetter implements DigestLetter
{
	/** @param list<string> $to */
	public function __construct(private readonly array $to, private readonly ?int $throwFor = null)
	{
	}

	public function recipients(array $row): array
	{
		return $this->to;
	}

	public function subject(array $row): string
	{
		return 'subject ' . $row['id'];
	}

	public function body(array $row): string
	{
		if ((int) $row['id'] === $this->throwFor) {
			throw new \RuntimeException('cannot write it');
		}
		return 'body ' . $row['id'];
	}

	public function headers(array $row): array
	{
		return ['X-Row: ' . $row['id']];
	}

	public function digestSubject(array $rows): string
	{
		return count($rows) . ' rows';
	}

	public function digestBody(array $rows): string
	{
		return 'rows ' . implode(',', array_map(static fn (array $row): string => (string) $row['id'], $rows));
	}
}
