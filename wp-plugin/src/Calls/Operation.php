<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Callbacks\CallbackRequest;
use LeadTrail\Leads\LeadRequest;

/**
 * The visitor calls, by their `op` on collect.php and their REST route
 * (docs/contracts.md, "Visitor calls").
 */
enum Operation: string
{
	case Event = 'event';
	case VisitorInfo = 'visitor_info';
	case PropertySet = 'property_set';
	case PropertyDelete = 'property_delete';
	case PropertyHas = 'property_has';
	case PropertyGet = 'property_get';
	case Properties = 'properties';
	/** addOfflineRequest (A4), applied by LeadService (docs/contracts.md, "Lead requests"). */
	case Request = 'request';
	/** sitePhoneCall (A10), applied by CallbackService (docs/contracts.md, "Callback orders"). */
	case Callback = 'callback';

	/**
	 * The operation of collect.php's `op` parameter; the hit (no `op`, or "hit") is not one.
	 *
	 * @param mixed $op the raw query value (a string, or an array for `op[]=`)
	 */
	public static function fromQuery(mixed $op): self
	{
		$operation = is_string($op) ? self::tryFrom($op) : null;
		if ($operation === null) {
			throw Refusal::invalid('op', 'op must be one of: hit, ' . implode(', ', array_column(self::cases(), 'value')) . '.');
		}
		return $operation;
	}

	/** The REST fallback's route under the namespace, e.g. "/property/set". */
	public function restRoute(): string
	{
		return match ($this) {
			self::Event => '/event',
			self::VisitorInfo => '/visitor-info',
			self::PropertySet => '/property/set',
			self::PropertyDelete => '/property/delete',
			self::PropertyHas => '/property/has',
			self::PropertyGet => '/property/get',
			self::Properties => '/properties',
			self::Request => '/request',
			self::Callback => '/callback',
		};
	}

	/** Validates a body for this operation; the first bad field is refused. */
	public function parse(JsonBody $body): VisitorCall
	{
		return match ($this) {
			self::Event => EventRequest::fromBody($body),
			self::VisitorInfo => VisitorInfoRequest::fromBody($body),
			self::PropertySet => PropertySetRequest::fromBody($body),
			self::PropertyDelete => PropertyDeleteRequest::fromBody($body),
			self::PropertyHas => PropertyHasRequest::fromBody($body),
			self::PropertyGet => PropertyGetRequest::fromBody($body),
			self::Properties => PropertiesRequest::fromBody($body),
			self::Request => LeadRequest::fromBody($body),
			self::Callback => CallbackRequest::fromBody($body),
		};
	}
}
