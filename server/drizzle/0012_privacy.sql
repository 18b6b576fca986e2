CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer,
	`actor_user_id` integer,
	`kind` text NOT NULL,
	`counts` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_site` ON `audit_log` (`site_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text,
	`locked_until` integer,
	`next_run_at` integer NOT NULL,
	`last_run_at` integer
);
--> statement-breakpoint
CREATE INDEX `requests_customer` ON `requests` (`customer_id`,`created_at`);