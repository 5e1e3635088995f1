<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Integrations;

use LeadTrail\Integrations\CapturedField;
use LeadTrail\Integrations\CapturedIdentity;
use LeadTrail\Integrations\Comments;
use LeadTrail\Integrations\ContactForm7;
use LeadTrail\Integrations\CustomAction;
use LeadTrail\Integrations\ElementorPro;
use LeadTrail\Integrations\FieldMapper;
use LeadTrail\Integrations\FluentForms;
use LeadTrail\Integrations\Formidable;
use LeadTrail\Integrations\GravityForms;
use LeadTrail\Integrations\NinjaForms;
use LeadTrail\Integrations\PlainForm;
use LeadTrail\Integrations\Submission;
use LeadTrail\Integrations\WooCommerce;
use LeadTrail\Integrations\WPForms;
use PHPUnit\Framework\TestCase;

/**
 * Each integration reads its plugin's documented payload (the shapes named in the classes) into
 * the same lead: name Иван Петров, ivan@example.com, +7 912 345-67-89, the message.
 */
final class ExtractTest extends TestCase
{
	private const CREDENTIALS = ['site_key' => 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', 'visitor_id' => '17', 'session_id' => '4', 'hit_id' => '99', 'uri' => 'https://shop.example/price'];

	private static function lead(?Submission $submission): array
	{
		self::assertNotNull($submission);
		return FieldMapper::map($submission);
	}

	private static function assertLead(array $values, string $form, string $message = 'Перезвоните'): void
	{
		self::assertSame('Иван Петров', $values['name'] ?? null, json_encode($values, JSON_UNESCAPED_UNICODE));
		self::assertSame('ivan@example.com', $values['email'] ?? null);
		self::assertSame('+7 912 345-67-89', $values['phone'] ?? null);
		self::assertSame($message, $values['text'] ?? null);
		self::assertSame($form, $values['form_name'] ?? null);
	}

	public function testContactForm7(): void
	{
		$form = new class {
			public function id(): int { return 42; }
			public function title(): string { return 'Contact form 1'; }
			/** @return list<object> */
			public function scan_form_tags(): array
			{
				return [(object) ['name' => 'your-name', 'basetype' => 'text'], (object) ['name' => 'contact', 'basetype' => 'email'], (object) ['name' => 'your-message', 'basetype' => 'textarea']];
			}
		};
		$submission = new class (self::CREDENTIALS) {
			public function __construct(private array $credentials) {}
			public function get_posted_data(): array
			{
				return ['your-name' => 'Иван Петров', 'contact' => 'ivan@example.com', 'tel-1' => '+7 912 345-67-89', 'your-message' => 'Перезвоните', 'checkbox-1' => ['a', 'b']] + $this->credentials;
			}
		};
		$extracted = ContactForm7::extract($form, $submission);
		self::assertSame('42', $extracted?->formId);
		$values = self::lead($extracted);
		self::assertLead($values, 'Contact form 1');
		self::assertSame(['checkbox-1' => 'a, b'], $values['user_fields']);
		self::assertSame(17, CapturedIdentity::fromFields($extracted->posted)?->visitorId);
	}

	public function testContactForm7WithoutASubmissionIsNothing(): void
	{
		self::assertNull(ContactForm7::extract(null, null));
	}

	public function testWPForms(): void
	{
		$fields = [
			1 => ['name' => 'Name', 'value' => 'Иван Петров', 'id' => 1, 'type' => 'name'],
			2 => ['name' => 'Email', 'value' => 'ivan@example.com', 'id' => 2, 'type' => 'email'],
			3 => ['name' => 'Phone', 'value' => '+7 912 345-67-89', 'id' => 3, 'type' => 'phone'],
			4 => ['name' => 'Comment or Message', 'value' => 'Перезвоните', 'id' => 4, 'type' => 'textarea'],
		];
		self::assertLead(self::lead(WPForms::extract($fields, [], ['id' => 7, 'settings' => ['form_title' => 'Simple Contact Form']])), 'Simple Contact Form');
	}

	public function testGravityFormsWithANameFieldOfTwoInputs(): void
	{
		$form = ['id' => 3, 'title' => 'Заявка', 'fields' => [
			(object) ['id' => 1, 'label' => 'Name', 'type' => 'name', 'inputs' => [['id' => '1.3', 'label' => 'First'], ['id' => '1.6', 'label' => 'Last']]],
			(object) ['id' => 2, 'label' => 'Email', 'type' => 'email', 'inputs' => null],
			(object) ['id' => 3, 'label' => 'Phone', 'type' => 'phone', 'inputs' => null],
			(object) ['id' => 4, 'label' => 'Сообщение', 'type' => 'textarea', 'inputs' => null],
		]];
		$entry = ['id' => '11', 'form_id' => '3', '1.3' => 'Иван', '1.6' => 'Петров', '2' => 'ivan@example.com', '3' => '+7 912 345-67-89', '4' => 'Перезвоните'];
		self::assertLead(self::lead(GravityForms::extract($entry, $form)), 'Заявка');
	}

	public function testElementorPro(): void
	{
		$record = new class {
			public function get(string $what): mixed
			{
				return $what === 'fields' ? [
					'name' => ['id' => 'name', 'type' => 'text', 'title' => 'Имя', 'value' => 'Иван Петров', 'raw_value' => 'Иван Петров'],
					'email' => ['id' => 'email', 'type' => 'email', 'title' => 'Email', 'value' => 'ivan@example.com', 'raw_value' => 'ivan@example.com'],
					'field_1' => ['id' => 'field_1', 'type' => 'tel', 'title' => 'Телефон', 'value' => '+7 912 345-67-89', 'raw_value' => '+7 912 345-67-89'],
					'message' => ['id' => 'message', 'type' => 'textarea', 'title' => 'Сообщение', 'value' => 'Перезвоните', 'raw_value' => 'Перезвоните'],
				] : null;
			}
			public function get_form_settings(string $name): string
			{
				return ['form_name' => 'New Form', 'id' => 'a1b2c3'][$name] ?? '';
			}
		};
		$submission = ElementorPro::extract($record);
		self::assertSame('a1b2c3', $submission?->formId);
		self::assertLead(self::lead($submission), 'New Form');
	}

	public function testNinjaFormsWithFirstAndLastName(): void
	{
		$formData = ['form_id' => 2, 'settings' => ['title' => 'Contact Me'], 'fields' => [
			['id' => 1, 'key' => 'firstname_1', 'label' => 'First Name', 'type' => 'firstname', 'value' => 'Иван'],
			['id' => 2, 'key' => 'lastname_2', 'label' => 'Last Name', 'type' => 'lastname', 'value' => 'Петров'],
			['id' => 3, 'key' => 'email_3', 'label' => 'Email', 'type' => 'email', 'value' => 'ivan@example.com'],
			['id' => 4, 'key' => 'phone_4', 'label' => 'Phone', 'type' => 'phone', 'value' => '+7 912 345-67-89'],
			['id' => 5, 'key' => 'message_5', 'label' => 'Message', 'type' => 'textarea', 'value' => 'Перезвоните'],
			['id' => 6, 'key' => 'submit_6', 'label' => 'Submit', 'type' => 'submit', 'value' => ''],
		]];
		self::assertLead(self::lead(NinjaForms::extract($formData)), 'Contact Me');
	}

	public function testFluentFormsWithNestedNames(): void
	{
		$formData = ['names' => ['first_name' => 'Иван', 'last_name' => 'Петров'], 'email' => 'ivan@example.com', 'phone' => '+7 912 345-67-89', 'message' => 'Перезвоните', '_fluentform_1_fluentformnonce' => 'abc'] + self::CREDENTIALS;
		$submission = FluentForms::extract($formData, (object) ['id' => 1, 'title' => 'Contact Form Demo']);
		self::assertLead(self::lead($submission), 'Contact Form Demo');
		self::assertArrayNotHasKey('user_fields', self::lead($submission));
	}

	public function testFluentFormsReadsTheHiddenFieldsFromItsDataString(): void
	{
		// Fluent posts the whole form as one urlencoded string, $_POST['data']; the hook's own
		// $formData holds only the form's fields.
		$formData = ['names' => ['first_name' => 'Иван', 'last_name' => 'Петров'], 'email' => 'ivan@example.com', 'phone' => '+7 912 345-67-89', 'message' => 'Перезвоните'];
		$submission = FluentForms::extract($formData, (object) ['id' => 1, 'title' => 'Contact Form Demo'], http_build_query($formData + self::CREDENTIALS));
		self::assertNotNull($submission);
		self::assertSame('99', $submission->posted['hit_id'] ?? null);
		self::assertSame('17', $submission->posted['visitor_id'] ?? null);
		self::assertLead(self::lead($submission), 'Contact Form Demo');
	}

	public function testFluentFormsWithoutADataString(): void
	{
		$submission = FluentForms::extract(['email' => 'ivan@example.com'], (object) ['id' => 1, 'title' => 'Demo'], null);
		self::assertNotNull($submission);
		self::assertSame(['email' => 'ivan@example.com'], $submission->posted);
	}

	public function testFormidable(): void
	{
		$entry = (object) ['id' => 9, 'form_id' => 5, 'metas' => [10 => 'Иван Петров', 11 => 'ivan@example.com', 12 => '+7 912 345-67-89', 13 => 'Перезвоните']];
		$fields = [
			(object) ['id' => 10, 'field_key' => 'abc1', 'name' => 'Name', 'type' => 'text'],
			(object) ['id' => 11, 'field_key' => 'abc2', 'name' => 'Email', 'type' => 'email'],
			(object) ['id' => 12, 'field_key' => 'abc3', 'name' => 'Phone', 'type' => 'phone'],
			(object) ['id' => 13, 'field_key' => 'abc4', 'name' => 'Message', 'type' => 'textarea'],
		];
		self::assertLead(self::lead(Formidable::extract($entry, $fields, (object) ['name' => 'Contact Us'], '5')), 'Contact Us');
	}

	public function testWooCommerceOrderIsASaleWithTheOrderTotal(): void
	{
		$item = new class {
			public function get_name(): string { return 'Чайник'; }
			public function get_quantity(): int { return 2; }
		};
		$order = new class ($item) {
			public function __construct(private object $item) {}
			public function get_id(): int { return 123; }
			public function get_order_number(): string { return '123'; }
			public function get_total(): string { return '2590.50'; }
			public function get_billing_first_name(): string { return 'Иван'; }
			public function get_billing_last_name(): string { return 'Петров'; }
			public function get_billing_email(): string { return 'ivan@example.com'; }
			public function get_billing_phone(): string { return '+7 912 345-67-89'; }
			public function get_customer_note(): string { return 'Позвоните'; }
			public function get_items(): array { return [$this->item]; }
		};
		$values = self::lead(WooCommerce::extract($order));
		self::assertLead($values, 'WooCommerce order', "Order #123: Чайник × 2\n\nПозвоните");
		self::assertTrue($values['is_sale']);
		self::assertSame('2590.50', $values['sale_cost']);
		self::assertNull(WooCommerce::extract(null));
	}

	public function testCommentsLeaveOutSpamAndPingbacks(): void
	{
		$data = ['comment_post_ID' => 5, 'comment_author' => 'Иван Петров', 'comment_author_email' => 'ivan@example.com', 'comment_author_url' => '', 'comment_content' => 'Отличная статья', 'comment_type' => 'comment'];
		$values = self::lead(Comments::extract(1, $data, 'Привет'));
		self::assertSame('Иван Петров', $values['name']);
		self::assertSame('Отличная статья', $values['text']);
		self::assertSame('Comment: Привет', $values['form_name']);
		self::assertNull(Comments::extract('spam', $data, ''));
		self::assertNull(Comments::extract(1, ['comment_type' => 'pingback'] + $data, ''));
	}

	public function testAPlainFormNamesItselfWithLeadtrailForm(): void
	{
		$post = ['leadtrail_form' => 'Обратный звонок', 'fio' => 'Иван Петров', 'e-mail' => 'ivan@example.com', 'телефон' => '+7 912 345-67-89', 'сообщение' => 'Перезвоните'] + self::CREDENTIALS;
		self::assertLead(self::lead(PlainForm::extract($post)), 'Обратный звонок');
	}

	public function testTheCustomActionTakesFieldsAndContext(): void
	{
		$submission = CustomAction::extract(
			['who' => ['value' => 'Иван Петров', 'type' => 'name'], 'email' => 'ivan@example.com', 'phone' => '+7 912 345-67-89', 'message' => 'Перезвоните'],
			['form_name' => 'API', 'credentials' => self::CREDENTIALS, 'is_sale' => true, 'sale_cost' => 100]
		);
		$values = self::lead($submission);
		self::assertLead($values, 'API');
		self::assertSame('100', $values['sale_cost']);
		self::assertSame(4, CapturedIdentity::fromFields($submission->posted)?->sessionId);
	}

	public function testCapturedIdentityFromFieldsOrCookies(): void
	{
		$referer = 'https://shop.example/contacts';
		$fields = CapturedIdentity::read(self::CREDENTIALS + ['consultant_server_url' => 'https://server.comagic.ru/'], [], $referer);
		self::assertSame([CapturedIdentity::VIA_FIELDS, 17, 4, 99, 'https://server.comagic.ru/'], [$fields->via, $fields->visitorId, $fields->sessionId, $fields->hitId, $fields->serverUrl]);
		$cookie = CapturedIdentity::read(['visitor_id' => 'x'], ['_comagic_id' => '17.4.1777012580', '_leadtrail_token' => '17.abc'], $referer);
		self::assertSame([CapturedIdentity::VIA_COOKIE, 17, 4, null, '17.abc', $referer], [$cookie->via, $cookie->visitorId, $cookie->sessionId, $cookie->hitId, $cookie->token, $cookie->page]);
		$none = CapturedIdentity::read(['site_key' => 'short', 'visitor_id' => '1', 'session_id' => '1'], ['_comagic_id' => '1.2'], $referer);
		self::assertSame([CapturedIdentity::VIA_NONE, 0, 0, null, null, $referer], [$none->via, $none->visitorId, $none->sessionId, $none->hitId, $none->token, $none->page]);
		// Ids that were refused are dropped; the page the form named stays.
		$dropped = $fields->withoutVisitor();
		self::assertSame([CapturedIdentity::VIA_NONE, null, 0, 0, null, 'https://shop.example/price'], [$dropped->via, $dropped->siteKey, $dropped->visitorId, $dropped->sessionId, $dropped->hitId, $dropped->page]);
		self::assertSame('', CapturedField::text(new \stdClass()));
	}

	public function testCapturedFieldsTakeASiteKeyWithUnderscoresAndHyphensAndNoOtherShape(): void
	{
		$ids = ['visitor_id' => '17', 'session_id' => '4'];
		$vendor = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';

		self::assertSame($vendor, CapturedIdentity::fromFields(['site_key' => $vendor] + $ids)?->siteKey);
		self::assertSame($vendor, CapturedIdentity::fromFields(['key' => $vendor] + $ids)?->siteKey);
		self::assertNull(CapturedIdentity::fromFields(['site_key' => substr($vendor, 1)] + $ids));
		self::assertNull(CapturedIdentity::fromFields(['site_key' => $vendor . '_'] + $ids));
		self::assertNull(CapturedIdentity::fromFields(['site_key' => str_replace('_', '.', $vendor)] + $ids));
	}
}
