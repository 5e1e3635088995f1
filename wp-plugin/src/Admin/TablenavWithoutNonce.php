<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * For a WP_List_Table with no bulk actions: the parent's tablenav without the
 * bulk-action nonce, which would otherwise land in every filtered URL (the
 * filter forms are GET forms around the table).
 */
trait TablenavWithoutNonce
{
	/** @param string $which */
	protected function display_tablenav($which): void
	{
		?>
		<div class="tablenav <?php echo esc_attr($which); ?>">
			<?php
			$this->extra_tablenav($which);
			$this->pagination($which);
			?>
			<br class="clear">
		</div>
		<?php
	}
}
