<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Contacts\Contact;
use LeadTrail\Contacts\EmailAddress;

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
		$wpdb = $this->wpdb;
		$normalized = EmailAddress::normalize($email);
		if ($normalized === null) {
			return null;
		}
		$found = $wpdb->get_results($wpdb->prepare(
			"SELECT id, visitor_id, verified FROM {$wpdb->leadtrail_contacts} WHERE kind = %s AND normalized_hash = %s",
			Contact::EMAIL,
			sha1($normalized)
		), ARRAY_A);
		$candidates = $wpdb->get_results($wpdb->prepare(
			"SELECT id, visitor_id, email, verified FROM {$wpdb->leadtrail_requests} WHERE email LIKE %s",
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
