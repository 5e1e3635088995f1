// Unit tests of the wp-admin screens' plain modules (the React parts are covered end to end).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		name: 'admin-src',
		include: ['**/*.test.js'],
		environment: 'node',
	},
});
