<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * What one kind of notice says and to whom, from its row: the part each
 * notifier keeps for itself while NoticeQueue sends.
 */
interface NoticeLetter
{
	/**
	 * @param array<string, string|null> $row
	 * @return list<string> no one: the notice is recorded as "none"
	 */
	public function recipients(array $row): array;

	/** @param array<string, string|null> $row */
	public function subject(array $row): string;

	/** @param array<string, string|null> $row */
	public function body(array $row): string;

	/**
	 * @param array<string, string|null> $row
	 * @return list<string>
	 */
	public function headers(array $row): array;
}
