CREATE TABLE `request_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`site_id` integer NOT NULL,
	`score` text NOT NULL,
	`comment` text,
	`via` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_ratings_request_id_unique` ON `request_ratings` (`request_id`);--> statement-breakpoint
CREATE INDEX `request_ratings_site` ON `request_ratings` (`site_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `chats` ADD `owner_seen_id` integer DEFAULT 0 NOT NULL;