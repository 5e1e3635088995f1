<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

/**
 * The capability of the online consultant's operators: whoever has it sees
 * LeadTrail > Chats and answers visitors. Administrators get it on activation and
 * upgrade; other roles through the settings.
 */
final class OperatorRole
{
	public const CAPABILITY = 'leadtrail_operator';

	public static function grantToAdministrators(): void
	{
		get_role('administrator')?->add_cap(self::CAPABILITY);
	}

	/** Whether the user may act as an operator (a logged-in user with the capability). */
	public static function can(int $userId): bool
	{
		return $userId > 0 && user_can($userId, self::CAPABILITY);
	}
}
