CREATE TABLE `widget_origins` (
	`site_id` integer NOT NULL,
	`origin` text NOT NULL,
	`allowed` integer NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `origin`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
