<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

/**
 * Draws a captcha's digits as a PNG with GD. No font file is needed: each digit is
 * drawn with GD's built-in font, scaled up, rotated a little and set at a jittered
 * height; then lines and dots cross it. Readable by a person, not at a glance by OCR.
 */
final class CaptchaImage
{
	public const WIDTH = 180;
	public const HEIGHT = 70;

	/** Whether GD can make PNGs here. */
	public static function available(): bool
	{
		return function_exists('imagecreatetruecolor') && function_exists('imagepng');
	}

	/** @return string the PNG's bytes */
	public static function png(string $digits): string
	{
		$image = imagecreatetruecolor(self::WIDTH, self::HEIGHT);
		$background = imagecolorallocate($image, 246, 247, 249);
		imagefilledrectangle($image, 0, 0, self::WIDTH - 1, self::HEIGHT - 1, $background);

		// Faint noise behind the digits.
		for ($i = 0; $i < 6; $i++) {
			$color = imagecolorallocate($image, random_int(150, 210), random_int(150, 210), random_int(150, 210));
			imageline($image, random_int(0, self::WIDTH), random_int(0, self::HEIGHT), random_int(0, self::WIDTH), random_int(0, self::HEIGHT), $color);
		}

		$count = strlen($digits);
		$slot = intdiv(self::WIDTH - 20, max(1, $count));
		for ($i = 0; $i < $count; $i++) {
			$glyph = self::glyph($digits[$i]);
			$x = 10 + $i * $slot + intdiv($slot - imagesx($glyph), 2) + random_int(-3, 3);
			$y = intdiv(self::HEIGHT - imagesy($glyph), 2) + random_int(-5, 5);
			imagecopy($image, $glyph, $x, $y, 0, 0, imagesx($glyph), imagesy($glyph));
			imagedestroy($glyph);
		}

		// Noise over the digits: thin lines and dots in the digits' colours.
		for ($i = 0; $i < 4; $i++) {
			$color = imagecolorallocate($image, random_int(40, 120), random_int(40, 120), random_int(40, 120));
			imagesetthickness($image, random_int(1, 2));
			imageline($image, random_int(0, 20), random_int(0, self::HEIGHT), random_int(self::WIDTH - 20, self::WIDTH), random_int(0, self::HEIGHT), $color);
		}
		imagesetthickness($image, 1);
		for ($i = 0; $i < 260; $i++) {
			$color = imagecolorallocate($image, random_int(60, 200), random_int(60, 200), random_int(60, 200));
			imagesetpixel($image, random_int(0, self::WIDTH - 1), random_int(0, self::HEIGHT - 1), $color);
		}

		ob_start();
		imagepng($image);
		$png = (string) ob_get_clean();
		imagedestroy($image);
		return $png;
	}

	/** One digit, about 34 × 52 pixels, rotated up to 18 degrees, on a transparent ground. */
	private static function glyph(string $digit): \GdImage
	{
		$font = 5;
		$small = imagecreatetruecolor(imagefontwidth($font) + 2, imagefontheight($font) + 2);
		$white = imagecolorallocate($small, 255, 255, 255);
		imagefilledrectangle($small, 0, 0, imagesx($small) - 1, imagesy($small) - 1, $white);
		$ink = imagecolorallocate($small, random_int(10, 70), random_int(10, 70), random_int(40, 110));
		imagestring($small, $font, 1, 1, $digit, $ink);

		$width = random_int(32, 38);
		$height = random_int(48, 56);
		$large = imagecreatetruecolor($width, $height);
		$ground = imagecolorallocatealpha($large, 255, 255, 255, 127);
		imagealphablending($large, false);
		imagefilledrectangle($large, 0, 0, $width - 1, $height - 1, $ground);
		imagecopyresampled($large, $small, 0, 0, 0, 0, $width, $height, imagesx($small), imagesy($small));
		imagedestroy($small);

		// White (the small image's ground) becomes transparent; the ink stays.
		imagecolortransparent($large, imagecolorexact($large, 255, 255, 255));
		$rotated = imagerotate($large, random_int(-18, 18), $ground);
		imagedestroy($large);
		if ($rotated === false) {
			throw new \RuntimeException('GD could not rotate a captcha digit.');
		}
		imagealphablending($rotated, true);
		imagesavealpha($rotated, true);
		return $rotated;
	}
}
