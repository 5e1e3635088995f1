<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use LeadTrail\Storage\WpConfig;
use LeadTrail\Storage\WpConfigNotPlain;
use LeadTrail\Storage\WpConfigParser;
use PHPUnit\Framework\TestCase;

final class WpConfigParserTest extends TestCase
{
	private const DB = <<<'PHP'
		define( 'DB_NAME', 'wordpress' );
		define( 'DB_USER', 'wp' );
		define( 'DB_PASSWORD', 'secret' );
		define( 'DB_HOST', 'localhost' );

		PHP;

	private const SETTINGS = <<<'PHP'

		if ( ! defined( 'ABSPATH' ) ) {
			define( 'ABSPATH', __DIR__ . '/' );
		}
		require_once ABSPATH . 'wp-settings.php';

		PHP;

	/** A config of the plain kind: the database settings and the prefix as literals, other code around them. */
	private static function config(string $middle, string $db = self::DB, string $prefix = "\$table_prefix = 'wp_';\n"): string
	{
		return "<?php\n// A site's configuration.\n" . $db . $middle . "\n" . $prefix . self::SETTINGS;
	}

	private static function parse(string $code): WpConfig
	{
		return WpConfigParser::parse($code);
	}

	private static function assertNotPlain(string $code, string $reason): void
	{
		try {
			WpConfigParser::parse($code);
		} catch (WpConfigNotPlain $notPlain) {
			self::assertStringContainsString($reason, $notPlain->getMessage());
			return;
		}
		self::fail("Expected a config that is not plain ({$reason}).");
	}

	public function testReadsALiteralConfig(): void
	{
		$config = self::parse(self::config(<<<'PHP'
			define( 'DB_CHARSET', 'utf8mb4' );
			define( 'DB_COLLATE', '' );
			define( 'AUTH_KEY', 'put your unique phrase here' );
			define( 'WP_HOME', 'https://example.com' );
			define( 'WP_DEBUG', false );
			define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
			define( 'LEADTRAIL_TEST_MODE', true );
			@ini_set( 'display_errors', '0' );
			$_SERVER['HTTPS'] = 'on';
			PHP));

		self::assertSame([
			'DB_NAME' => 'wordpress',
			'DB_USER' => 'wp',
			'DB_PASSWORD' => 'secret',
			'DB_HOST' => 'localhost',
			'DB_CHARSET' => 'utf8mb4',
			'DB_COLLATE' => '',
			'WP_HOME' => 'https://example.com',
			'LEADTRAIL_TEST_MODE' => true,
		], $config->constants);
		self::assertSame('wp_', $config->tablePrefix);
		self::assertSame('utf8mb4', $config->string('DB_CHARSET'));
		self::assertNull($config->string('WP_CONTENT_DIR'));
	}

	public function testReadsTheSampleThatWordPressShips(): void
	{
		$sample = '/usr/share/wordpress/wp-config-sample.php';
		if (!is_file($sample)) {
			self::markTestSkipped('WordPress is not installed here.');
		}
		$config = self::parse((string) file_get_contents($sample));

		self::assertSame('database_name_here', $config->string('DB_NAME'));
		self::assertSame('localhost', $config->string('DB_HOST'));
		self::assertSame('utf8', $config->string('DB_CHARSET'));
		self::assertSame('wp_', $config->tablePrefix);
	}

	/** @dataProvider hosts */
	public function testKeepsEveryFormOfDbHostAsWritten(string $host): void
	{
		$db = str_replace("'localhost'", var_export($host, true), self::DB);
		self::assertSame($host, self::parse(self::config('', $db))->string('DB_HOST'));
	}

	/** @return array<string, array{string}> */
	public static function hosts(): array
	{
		return [
			'socket' => ['localhost:/var/run/mysqld/mysqld.sock'],
			'port' => ['127.0.0.1:3307'],
			'IPv6 with port' => ['[::1]:3306'],
			'host name' => ['db.internal'],
		];
	}

	public function testIgnoresCommentedOutDefines(): void
	{
		$config = self::parse(self::config(<<<'PHP'
			// define( 'DB_NAME', 'old' );
			# define( 'DB_HOST', getenv( 'HOST' ) );
			/* define( 'DB_PASSWORD', 'x' ); $table_prefix = 'old_'; */
			/** define( 'DB_USER', 'y' ); */
			PHP));

		self::assertSame('wordpress', $config->string('DB_NAME'));
		self::assertSame('localhost', $config->string('DB_HOST'));
		self::assertSame('secret', $config->string('DB_PASSWORD'));
		self::assertSame('wp', $config->string('DB_USER'));
		self::assertSame('wp_', $config->tablePrefix);
	}

	public function testResolvesEscapesAsPhpDoes(): void
	{
		$db = <<<'PHP'
			define( "DB_NAME", "wp\x5fsite" );
			define( 'DB_USER', 'it\'s \\ \n' );
			define( "DB_PASSWORD", "q\"\\\$x\t\101\u{1F600}\q" );
			define( 'DB_HOST', b'localhost' );

			PHP;
		$config = self::parse(self::config('', $db));

		self::assertSame('wp_site', $config->string('DB_NAME'));
		self::assertSame("it's \\ \\n", $config->string('DB_USER'));
		self::assertSame("q\"\\\$x\tA\u{1F600}\\q", $config->string('DB_PASSWORD'));
		self::assertSame('localhost', $config->string('DB_HOST'));
	}

	/** @dataProvider literals */
	public function testDecodesStringLiterals(string $literal): void
	{
		self::assertSame(eval("return {$literal};"), WpConfigParser::stringValue($literal));
	}

	/** @return array<string, array{string}> */
	public static function literals(): array
	{
		return [
			'plain' => ["'abc'"],
			'single-quoted escapes' => ["'a\\'b\\\\c\\n\\\\\\''"],
			'double-quoted escapes' => ['"\\n\\r\\t\\v\\e\\f\\\\\\$\\""'],
			'octal, hex, unicode' => ['"\\0\\7\\101\\1011\\x4\\x41\\x411\\u{41}\\u{20AC}"'],
			'unknown escapes stay' => ['"\\q\\u\\x\\8"'],
			'dollar alone' => ['"$ $1"'],
			'binary prefix' => ['B"x"'],
		];
	}

	/** @dataProvider prefixes */
	public function testReadsTheTablePrefix(string $assignment, string $prefix): void
	{
		self::assertSame($prefix, self::parse(self::config('', self::DB, $assignment . "\n"))->tablePrefix);
	}

	/** @return array<string, array{string, string}> */
	public static function prefixes(): array
	{
		return [
			'spaced' => ["\$table_prefix  = 'wp_';", 'wp_'],
			'tight' => ["\$table_prefix='site2_';", 'site2_'],
			'double quotes' => ['$table_prefix = "abc_";', 'abc_'],
			'empty' => ["\$table_prefix = '';", ''],
		];
	}

	/** @dataProvider badPrefixes */
	public function testRefusesAPrefixThatIsNotALiteral(string $assignment, string $reason): void
	{
		self::assertNotPlain(self::config('', self::DB, $assignment . "\n"), $reason);
	}

	/** @return array<string, array{string, string}> */
	public static function badPrefixes(): array
	{
		return [
			'concatenated' => ["\$table_prefix = 'wp' . '_';", '$table_prefix'],
			'from the environment' => ["\$table_prefix = getenv( 'PREFIX' );", '$table_prefix'],
			'set twice' => ["\$table_prefix = 'a_';\n\$table_prefix = 'b_';", 'twice'],
			'conditional' => ["if ( \$x ) { \$table_prefix = 'a_'; }", '$table_prefix'],
			'appended' => ["\$table_prefix = 'a_';\n\$table_prefix .= 'b_';", '$table_prefix'],
			'through $GLOBALS' => ["\$table_prefix = 'a_';\n\$GLOBALS['table_prefix'] = 'b_';", '$GLOBALS'],
			'a variable variable' => ["\$table_prefix = 'a_';\n\$n = 'table_prefix';\n\$\$n = 'b_';", 'variable variables'],
			'extracted' => ["\$table_prefix = 'a_';\nextract( ['table_prefix' => 'b_'] );", 'extract'],
			'missing' => ['', '$table_prefix is not set'],
		];
	}

	/** @dataProvider notPlain */
	public function testFallsBackWhenASettingIsNotAPlainLiteral(string $middle, string $reason): void
	{
		self::assertNotPlain(self::config($middle), $reason);
	}

	/** @return array<string, array{string, string}> */
	public static function notPlain(): array
	{
		return [
			'getenv' => ["define( 'DB_CHARSET', getenv( 'DB_CHARSET' ) ?: 'utf8' );", 'DB_CHARSET'],
			'concatenation' => ["define( 'WP_HOME', 'https://' . \$_SERVER['HTTP_HOST'] );", 'WP_HOME'],
			'a heredoc' => ["define( 'DB_COLLATE', <<<EOT\nx\nEOT );", 'DB_COLLATE'],
			'a constant' => ["define( 'MYSQL_CLIENT_FLAGS', MYSQLI_CLIENT_SSL );", 'MYSQL_CLIENT_FLAGS'],
			'defined twice' => ["define( 'DB_NAME', 'other' );", 'defined twice'],
			'a conditional block' => ["if ( \$staging ) {\n\tdefine( 'DB_CHARSET', 'utf8' );\n} else {\n\tdefine( 'DB_CHARSET', 'utf8mb4' );\n}", 'DB_CHARSET'],
			'a braceless conditional' => ["if ( \$staging ) define( 'WP_HOME', 'https://staging.example' );", 'WP_HOME'],
			'a guard' => ["defined( 'WP_HOME' ) || define( 'WP_HOME', 'https://example.com' );", 'WP_HOME'],
			'a guard with if' => ["if ( ! defined( 'WP_HOME' ) ) {\n\tdefine( 'WP_HOME', 'https://example.com' );\n}", 'WP_HOME'],
			'alternative syntax' => ["if ( \$x ):\n\tdefine( 'WP_DEBUG', true );\nendif;", 'alternative syntax'],
			'a function body' => ["function site_db() {\n\tdefine( 'DB_COLLATE', 'x' );\n}", 'DB_COLLATE'],
			'another include' => ["require_once __DIR__ . '/wp-config-local.php';", 'include'],
			'an include of a variable' => ["include \$file;", 'include'],
			'a computed name' => ["define( \$name, 'x' );", 'computed name'],
			'a concatenated name' => ["define( 'DB_' . 'NAME', 'x' );", 'computed name'],
			'define called by name' => ["call_user_func( 'define', 'DB_NAME', 'x' );", 'by name'],
			'const' => ["const DB_COLLATE = 'x';", 'const'],
			'eval' => ["eval( \$code );", 'eval'],
			'exit' => ["if ( \$blocked ) {\n\theader( 'HTTP/1.1 403 Forbidden' );\n\texit;\n}", 'exit'],
			'a string where a string is needed' => ["define( 'WP_HOME', 8080 );", 'not a string'],
			'a namespace' => ["namespace Site;", 'namespace'],
		];
	}

	public function testMissingSettingsAreNotPlain(): void
	{
		self::assertNotPlain(self::config('', str_replace("define( 'DB_PASSWORD', 'secret' );", '', self::DB)), 'DB_PASSWORD is not defined');
		self::assertNotPlain("<?php\n" . self::DB . "\$table_prefix = 'wp_';\n", 'wp-settings.php is not required');
		self::assertNotPlain("<?php\nrequire_once ABSPATH . 'wp-settings.php';\n" . self::DB . "\$table_prefix = 'wp_';\n", 'DB_NAME');
		self::assertNotPlain("<?php\ndefine( 'DB_NAME', 'x' ", 'does not parse');
	}

	public function testIgnoresCodeThatCannotTouchTheSettings(): void
	{
		$config = self::parse(self::config(<<<'PHP'
			define( 'AUTH_KEY', getenv( 'AUTH_KEY' ) );
			if ( isset( $_SERVER['HTTP_X_FORWARDED_PROTO'] ) && 'https' === $_SERVER['HTTP_X_FORWARDED_PROTO'] ) {
				$_SERVER['HTTPS'] = 'on';
			}
			$memory = '256M';
			define( 'WP_MEMORY_LIMIT', $memory );
			$logger->define( 'DB_NAME', 'not the function' );
			PHP));

		self::assertSame('wordpress', $config->string('DB_NAME'));
	}

	public function testAcceptsTheOtherFormsOfDefineAndOfTheSettingsInclude(): void
	{
		$code = "<?php\nDEFINE( 'DB_NAME', 'a' );\n\\define( 'DB_USER', 'b' );\ndefine('DB_PASSWORD','c');define('DB_HOST','d')?>\n"
			. "<?php \$table_prefix = 'wp_';\ndefine( 'MULTISITE', false );\ndefine( 'LEADTRAIL_TEST_MODE', null );\n"
			. "require_once( __DIR__ . '/wp-settings.php' );\n";
		$config = self::parse($code);

		self::assertSame(['a', 'b', 'c', 'd'], [$config->string('DB_NAME'), $config->string('DB_USER'), $config->string('DB_PASSWORD'), $config->string('DB_HOST')]);
		self::assertFalse($config->constants['MULTISITE']);
		self::assertTrue($config->has('LEADTRAIL_TEST_MODE'));
		self::assertNull($config->constants['LEADTRAIL_TEST_MODE']);
	}

	public function testASettingDefinedAfterWpSettingsIsNotPlain(): void
	{
		self::assertNotPlain(self::config('') . "define( 'WP_HOME', 'https://late.example' );\n", 'WP_HOME');
	}
}
