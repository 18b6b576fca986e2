CREATE TABLE `identity_secrets` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `profile` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `email_verified_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `phone_verified_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `vip` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `customers_site_external` ON `customers` (`site_id`,`external_id`);--> statement-breakpoint
ALTER TABLE `requests` ADD `context` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `repeat` text;