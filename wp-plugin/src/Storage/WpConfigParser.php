<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * Reads the database settings out of a wp-config.php with PHP's tokenizer,
 * without running it, for the lean endpoint.
 *
 * Only the plainest form is accepted: each watched constant defined at most once,
 * unconditionally, as `define('NAME', <literal>);` at the top level before
 * wp-settings.php is required, and one `$table_prefix = '<literal>';`. Anything
 * that could give them another value at run time (getenv(), concatenation, a
 * conditional or repeated define, an include, define() called by a computed
 * name, variable variables, $GLOBALS, eval), or that can end the request
 * (exit, throw) makes the file "not plain": the caller must boot WordPress to
 * learn the settings. Other code (ini_set(), the ABSPATH guard, defines of
 * other constants) is ignored.
 *
 * It runs on every hit, so PHP's functions and constants are written fully
 * qualified (\count(), \T_STRING): PHP then resolves them once, when it compiles.
 */
final class WpConfigParser
{
	/** The database settings every site has. */
	public const REQUIRED = ['DB_NAME', 'DB_USER', 'DB_PASSWORD', 'DB_HOST'];

	/** Watched constants that must be string literals when defined. */
	public const STRINGS = [
		'DB_NAME', 'DB_USER', 'DB_PASSWORD', 'DB_HOST', 'DB_CHARSET', 'DB_COLLATE',
		// Read by the plugin's code (OptionRows) and by the boot (drop-ins).
		'WP_HOME', 'WP_CONTENT_DIR',
	];

	/**
	 * Watched constants that may be any scalar literal: what the plugin reads
	 * (LEADTRAIL_TEST_MODE), and what makes WordPress connect or name its tables
	 * differently (multisite, client flags, ext/mysql), so the boot can tell.
	 *
	 * Code that collect.php runs must read no constant of wp-config.php that is not
	 * listed here or in STRINGS: on the lean boot, no other one is defined.
	 */
	public const SCALARS = [
		'LEADTRAIL_TEST_MODE',
		'MULTISITE', 'SUBDOMAIN_INSTALL', 'VHOST', 'SUNRISE',
		'MYSQL_CLIENT_FLAGS', 'WP_USE_EXT_MYSQL',
	];

	/** Tokens that run other code, change what names mean, or can end the request before WordPress loads. */
	private const FORBIDDEN = [\T_EVAL => true, \T_NAMESPACE => true, \T_EXIT => true, \T_GOTO => true, \T_THROW => true];
	private const ALTERNATIVE_SYNTAX = [\T_ENDIF => true, \T_ENDWHILE => true, \T_ENDFOR => true, \T_ENDFOREACH => true, \T_ENDSWITCH => true, \T_ENDDECLARE => true];
	private const INCLUDES = [\T_INCLUDE => true, \T_INCLUDE_ONCE => true, \T_REQUIRE => true, \T_REQUIRE_ONCE => true];
	/** Calls that can set a global variable by name. */
	private const VARIABLE_SETTERS = ['extract' => true, 'parse_str' => true, 'import_request_variables' => true];
	/** What may stand before a function name that is not a call of the global function. */
	private const NOT_A_CALL = [\T_OBJECT_OPERATOR => true, \T_NULLSAFE_OBJECT_OPERATOR => true, \T_DOUBLE_COLON => true, \T_FUNCTION => true, \T_NEW => true, \T_CONST => true];
	/** What may stand before a statement that starts at the top level. */
	private const STATEMENT_BOUNDARIES = [\T_OPEN_TAG => true, \T_CLOSE_TAG => true, \T_INLINE_HTML => true];

	/** @var list<int|string> token ids (the character itself for one-character tokens), without whitespace and comments */
	private array $ids = [];

	/** @var list<string> */
	private array $texts = [];

	/** @var array<string, string|int|bool|null> */
	private array $constants = [];

	private ?string $tablePrefix = null;

	private bool $settingsRequired = false;

	private function __construct()
	{
	}

	/** @throws WpConfigNotPlain */
	public static function parse(string $code): WpConfig
	{
		$parser = new self();
		try {
			$tokens = \token_get_all($code, \TOKEN_PARSE);
		} catch (\ParseError $error) {
			throw new WpConfigNotPlain('wp-config.php does not parse: ' . $error->getMessage());
		}
		foreach ($tokens as $token) {
			if (\is_string($token)) {
				$parser->ids[] = $token;
				$parser->texts[] = $token;
			} elseif ($token[0] !== \T_WHITESPACE && $token[0] !== \T_COMMENT && $token[0] !== \T_DOC_COMMENT) {
				$parser->ids[] = $token[0];
				$parser->texts[] = $token[1];
			}
		}
		$parser->scan();

		foreach (self::REQUIRED as $name) {
			if (!\array_key_exists($name, $parser->constants)) {
				throw new WpConfigNotPlain("{$name} is not defined");
			}
		}
		if ($parser->tablePrefix === null) {
			throw new WpConfigNotPlain('$table_prefix is not set');
		}
		if (!$parser->settingsRequired) {
			throw new WpConfigNotPlain('wp-settings.php is not required');
		}
		return new WpConfig($parser->constants, $parser->tablePrefix);
	}

	/**
	 * The value of a PHP string literal token (T_CONSTANT_ENCAPSED_STRING: single- or
	 * double-quoted, never with variables in it), its escapes resolved as PHP does.
	 */
	public static function stringValue(string $literal): string
	{
		if ($literal !== '' && ($literal[0] === 'b' || $literal[0] === 'B')) {
			$literal = \substr($literal, 1);
		}
		$body = \substr($literal, 1, -1);
		if ($literal[0] === "'") {
			return (string) \preg_replace('/\\\\([\\\\\'])/', '$1', $body);
		}
		return (string) \preg_replace_callback(
			'/\\\\(?:([nrtvef\\\\$"])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u\{([0-9A-Fa-f]+)\})/',
			static function (array $match): string {
				if ($match[1] !== '') {
					return ['n' => "\n", 'r' => "\r", 't' => "\t", 'v' => "\v", 'e' => "\e", 'f' => "\f", '\\' => '\\', '$' => '$', '"' => '"'][$match[1]];
				}
				if (($match[2] ?? '') !== '') {
					return \chr(\octdec($match[2]) & 0xFF);
				}
				if (($match[3] ?? '') !== '') {
					return \chr((int) \hexdec($match[3]));
				}
				return self::utf8((int) \hexdec($match[4]));
			},
			$body,
		);
	}

	private function scan(): void
	{
		$depth = 0;
		$count = \count($this->ids);
		for ($i = 0; $i < $count; $i++) {
			$id = $this->ids[$i];
			if (\is_string($id)) {
				if ($id === '{') {
					$depth++;
				} elseif ($id === '}') {
					$depth--;
				} elseif ($id === '$') {
					throw new WpConfigNotPlain('variable variables are used');
				}
				continue;
			}
			switch ($id) {
				case \T_CURLY_OPEN:
				case \T_DOLLAR_OPEN_CURLY_BRACES:
					$depth++;
					break;
				case \T_STRING:
				case \T_NAME_FULLY_QUALIFIED:
					$name = \strtolower(\ltrim($this->texts[$i], '\\'));
					if (($name === 'define' || isset(self::VARIABLE_SETTERS[$name])) && $this->isCall($i)) {
						if ($name !== 'define') {
							throw new WpConfigNotPlain("'{$this->texts[$i]}' is called");
						}
						$i = $this->define($i, $depth);
					}
					break;
				case \T_VARIABLE:
					$i = $this->variable($i, $depth);
					break;
				case \T_CONSTANT_ENCAPSED_STRING:
					if (\stripos($this->texts[$i], 'define') !== false
						&& \in_array(\strtolower(self::stringValue($this->texts[$i])), ['define', '\\define'], true)) {
						throw new WpConfigNotPlain('define() is called by name');
					}
					break;
				case \T_NAME_QUALIFIED:
				case \T_NAME_RELATIVE:
					if (\str_ends_with(\strtolower($this->texts[$i]), '\\define')) {
						throw new WpConfigNotPlain("'{$this->texts[$i]}' may stand for define()");
					}
					break;
				case \T_CONST:
					if ($this->isWatched($this->texts[$i + 1] ?? '')) {
						throw new WpConfigNotPlain("{$this->texts[$i + 1]} is declared with const");
					}
					break;
				case \T_RETURN:
					if ($depth === 0) {
						throw new WpConfigNotPlain("'return' is used at the top level");
					}
					break;
				default:
					if (isset(self::INCLUDES[$id])) {
						$i = $this->settingsInclude($i, $depth);
					} elseif (isset(self::FORBIDDEN[$id])) {
						throw new WpConfigNotPlain("'{$this->texts[$i]}' is used");
					} elseif (isset(self::ALTERNATIVE_SYNTAX[$id])) {
						throw new WpConfigNotPlain('control structures in alternative syntax');
					}
			}
		}
	}

	/** Whether the function name at $i is called as the global function, not a method or a declaration. */
	private function isCall(int $i): bool
	{
		if (($this->ids[$i + 1] ?? null) !== '(') {
			return false;
		}
		$before = $this->ids[$i - 1] ?? null;
		return !\is_int($before) || !isset(self::NOT_A_CALL[$before]);
	}

	/** @return int the index of the define's last token */
	private function define(int $i, int $depth): int
	{
		if (($this->ids[$i + 2] ?? null) !== \T_CONSTANT_ENCAPSED_STRING || ($this->ids[$i + 3] ?? null) !== ',') {
			throw new WpConfigNotPlain('define() with a computed name');
		}
		$constant = self::stringValue($this->texts[$i + 2]);
		if (!$this->isWatched($constant)) {
			// Not ours: whatever its value is, it is scanned like the rest of the file.
			return $i + 3;
		}

		$value = $this->literal($i + 4);
		if (!$this->startsStatement($i, $depth)
			|| !$value[0]
			|| ($this->ids[$i + 5] ?? null) !== ')'
			|| !$this->endsStatement($i + 6)) {
			throw new WpConfigNotPlain("{$constant} is not defined by a plain define() of a literal at the top level");
		}
		if (\in_array($constant, self::STRINGS, true) && !\is_string($value[1])) {
			throw new WpConfigNotPlain("{$constant} is not a string");
		}
		if (\array_key_exists($constant, $this->constants)) {
			throw new WpConfigNotPlain("{$constant} is defined twice");
		}
		$this->constants[$constant] = $value[1];
		return $i + 5;
	}

	/** @return int the index of the statement's last token */
	private function variable(int $i, int $depth): int
	{
		$name = $this->texts[$i];
		if ($name === '$GLOBALS') {
			throw new WpConfigNotPlain('$GLOBALS is used');
		}
		if ($name !== '$table_prefix') {
			return $i;
		}

		if (!$this->startsStatement($i, $depth)
			|| ($this->ids[$i + 1] ?? null) !== '='
			|| ($this->ids[$i + 2] ?? null) !== \T_CONSTANT_ENCAPSED_STRING
			|| !$this->endsStatement($i + 3)) {
			throw new WpConfigNotPlain('$table_prefix is not set by a plain assignment of a string literal at the top level');
		}
		if ($this->tablePrefix !== null) {
			throw new WpConfigNotPlain('$table_prefix is set twice');
		}
		$this->tablePrefix = self::stringValue($this->texts[$i + 2]);
		return $i + 2;
	}

	/**
	 * The only include allowed: `require_once ABSPATH . 'wp-settings.php';` (or __DIR__,
	 * with or without parentheses, any of the four include forms).
	 *
	 * @return int the index of the include's last token
	 */
	private function settingsInclude(int $i, int $depth): int
	{
		$at = $i + 1;
		$parenthesised = ($this->ids[$at] ?? null) === '(';
		if ($parenthesised) {
			$at++;
		}
		$base = $this->ids[$at] ?? null;
		$isSettings = ($base === \T_DIR || ($base === \T_STRING && $this->texts[$at] === 'ABSPATH'))
			&& ($this->ids[$at + 1] ?? null) === '.'
			&& ($this->ids[$at + 2] ?? null) === \T_CONSTANT_ENCAPSED_STRING
			&& \in_array(self::stringValue($this->texts[$at + 2]), ['wp-settings.php', '/wp-settings.php'], true);
		$end = $at + 3;
		if ($parenthesised) {
			$isSettings = $isSettings && ($this->ids[$end] ?? null) === ')';
			$end++;
		}
		if (!$isSettings || !$this->startsStatement($i, $depth) || !$this->endsStatement($end)) {
			throw new WpConfigNotPlain("an include other than wp-settings.php: '{$this->texts[$i]}'");
		}
		$this->settingsRequired = true;
		return $end - 1;
	}

	/** Whether token $i begins a statement that runs unconditionally, before wp-settings.php. */
	private function startsStatement(int $i, int $depth): bool
	{
		if ($depth !== 0 || $this->settingsRequired) {
			return false;
		}
		$before = $this->ids[$i - 1] ?? null;
		return $before === null || $before === ';' || $before === '}' || (\is_int($before) && isset(self::STATEMENT_BOUNDARIES[$before]));
	}

	private function endsStatement(int $i): bool
	{
		$id = $this->ids[$i] ?? null;
		return $id === null || $id === ';' || $id === \T_CLOSE_TAG;
	}

	/** @return array{0: bool, 1: string|int|bool|null} whether token $i is a scalar literal, and its value */
	private function literal(int $i): array
	{
		$id = $this->ids[$i] ?? null;
		$text = $this->texts[$i] ?? '';
		if ($id === \T_CONSTANT_ENCAPSED_STRING) {
			return [true, self::stringValue($text)];
		}
		if ($id === \T_LNUMBER && \preg_match('/^(?:0|[1-9][0-9]*)$/', $text) === 1) {
			return [true, (int) $text];
		}
		if ($id === \T_STRING || $id === \T_NAME_FULLY_QUALIFIED) {
			$word = \strtolower(\ltrim($text, '\\'));
			$words = ['true' => true, 'false' => false, 'null' => null];
			if (\array_key_exists($word, $words)) {
				return [true, $words[$word]];
			}
		}
		return [false, null];
	}

	private function isWatched(string $name): bool
	{
		return \in_array($name, self::STRINGS, true) || \in_array($name, self::SCALARS, true);
	}

	private static function utf8(int $codePoint): string
	{
		if ($codePoint < 0x80) {
			return \chr($codePoint);
		}
		if ($codePoint < 0x800) {
			return \chr(0xC0 | ($codePoint >> 6)) . \chr(0x80 | ($codePoint & 0x3F));
		}
		if ($codePoint < 0x10000) {
			return \chr(0xE0 | ($codePoint >> 12)) . \chr(0x80 | (($codePoint >> 6) & 0x3F)) . \chr(0x80 | ($codePoint & 0x3F));
		}
		return \chr(0xF0 | ($codePoint >> 18)) . \chr(0x80 | (($codePoint >> 12) & 0x3F))
			. \chr(0x80 | (($codePoint >> 6) & 0x3F)) . \chr(0x80 | ($codePoint & 0x3F));
	}
}
