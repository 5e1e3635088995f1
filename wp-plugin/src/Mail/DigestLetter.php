<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * A kind of notice that can also go as one digest of many rows (NoticeDigest):
 * what the digest says, from the rows it lists.
 */
interface DigestLetter extends NoticeLetter
{
	/** @param non-empty-list<array<string, string|null>> $rows */
	public function digestSubject(array $rows): string;

	/** @param non-empty-list<array<string, string|null>> $rows */
	public function digestBody(array $rows): string;
}
