<?php
/**
 * Plugin Name:       LeadTrail
 * Description:       Runs the CoMagic JS API on your own server: visitors, sessions and page views are recorded in this site's database, and pages written for CoMagic work unchanged.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            LeadTrail contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       leadtrail
 * Domain Path:       /languages
 */

declare(strict_types=1);

defined('ABSPATH') || exit;

define('LEADTRAIL_VERSION', '0.1.0');
define('LEADTRAIL_FILE', __FILE__);

require_once __DIR__ . '/autoload.php';

register_activation_hook(__FILE__, [\LeadTrail\Installer::class, 'activate']);
register_deactivation_hook(__FILE__, [\LeadTrail\Installer::class, 'deactivate']);

\LeadTrail\Plugin::boot();
