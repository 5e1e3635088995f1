<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * The database could not be read or written; the client may retry later.
 */
final class StorageUnavailable extends \RuntimeException
{
}
