<?php
/**
 * Creates Formidable's "Contact Us" form through its own API (FrmForm::create, FrmField::create
 * with the defaults FrmFieldsHelper::setup_new_vars gives each type) and prints its id.
 */
declare(strict_types=1);

// Formidable makes its tables on the first wp-admin page after activation; the same call, here.
FrmAppController::install();
// Skipping its onboarding wizard, as an admin does: else the next wp-admin request, admin-ajax.php
// included (other plugins' forms post there), is redirected to it.
FrmOnboardingWizardController::mark_onboarding_as_skipped();
$existing = FrmForm::getOne('contact-us');
if ($existing) {
	echo $existing->id, "\n";
	return;
}
$formId = FrmForm::create(array('name' => 'Contact Us', 'form_key' => 'contact-us', 'description' => '', 'status' => 'published'));
$fields = array(
	array('text', 'name', 'Name'),
	array('email', 'email', 'Email'),
	array('phone', 'phone', 'Phone'),
	array('textarea', 'message', 'Message'),
);
foreach ($fields as $order => [$type, $key, $label]) {
	$values = FrmFieldsHelper::setup_new_vars($type, $formId);
	$values['field_key']   = $key;
	$values['name']        = $label;
	$values['field_order'] = $order + 1;
	FrmField::create($values);
}
echo $formId, "\n";
