<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Contacts\Contact;
use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Storage\Tables;

/**
 * Finds the Person an e-mail address of a privacy request identifies.
 */
final class PersonFinder
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** Null when $email is not an address LeadTrail would have stored. */
	public function find(string $email): ?Person
	{
		$normalized = EmailAddress::normalize($email);
		if ($normalized === null) {
			return null;
		}
		$contacts = Tables::name($this->wpdb, Tables::CONTACTS);
		$requests = Tables::name($this->wpdb, Tables::REQUESTS);
		$found = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT id, visitor_id, verified FROM {$contacts} WHERE kind = %s AND normalized_hash = %s",
			Contact::EMAIL,
			sha1($normalized)
		), ARRAY_A);
		$candidates = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT id, visitor_id, email, verified FROM {$requests} WHERE email LIKE %s",
			self::addressPattern($this->wpdb, $normalized)
		), ARRAY_A);
		return Person::of(
			$normalized,
			is_array($found) ? array_values($found) : [],
			is_array($candidates) ? array_values($candidates) : []
		);
	}

	/**
	 * A LIKE pattern for request e-mails that may be $normalized: requests keep the address as it
	 * was sent, which LIKE finds whatever its case and surrounding spaces.
	 */
	public static function addressPattern(\wpdb $wpdb, string $normalized): string
	{
		return '%' . $wpdb->esc_like($normalized) . '%';
	}
}
