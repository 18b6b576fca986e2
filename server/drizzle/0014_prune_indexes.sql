CREATE INDEX `blocklist_kind_created` ON `blocklist` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `one_time_links_created` ON `one_time_links` (`created_at`);--> statement-breakpoint
CREATE INDEX `phone_codes_created` ON `phone_codes` (`created_at`);--> statement-breakpoint
CREATE INDEX `twilio_webhook_receipts_created` ON `twilio_webhook_receipts` (`created_at`);