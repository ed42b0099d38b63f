-- The national lists: D11 topics and the languages of DOMAIN.md §6. Provinces add their own rows.
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('policy', 'Chủ trương, chính sách, pháp luật về chuyển đổi số; Ngày Chuyển đổi số quốc gia 10/10', 'DX policy and law; National DX Day', 0);
--> statement-breakpoint
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('good_models', 'Mô hình hay, tổ công nghệ số cộng đồng', 'Good models, community digital teams', 1);
--> statement-breakpoint
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('benefits', 'Lợi ích của chính quyền số, kinh tế số, xã hội số', 'Benefits of digital government, economy, society', 2);
--> statement-breakpoint
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('e_commerce', 'Thương mại điện tử', 'E-commerce', 3);
--> statement-breakpoint
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('ict_applications', 'Ứng dụng công nghệ thông tin', 'ICT applications', 4);
--> statement-breakpoint
INSERT INTO "topics" ("code", "name", "name_en", "sort_order") VALUES ('digital_society', 'Xã hội số, kỹ năng số cho người dân', 'Digital society and skills', 5);
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('vi', 'Tiếng Việt', 'Vietnamese');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('sed', 'Tiếng Xơ Đăng', 'Sedang');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('bdq', 'Tiếng Ba Na', 'Bahnar');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('jra', 'Tiếng Gia Rai', 'Jarai');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('jeh', 'Tiếng Giẻ Triêng', 'Jeh');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('hre', 'Tiếng Hrê', 'Hre');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('cua', 'Tiếng Co', 'Cua');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('cmo', 'Tiếng M''Nông', 'Mnong');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('rad', 'Tiếng Ê Đê', 'Rade');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('cma', 'Tiếng Mạ', 'Maa');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('kpm', 'Tiếng K''Ho', 'Koho');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('cje', 'Tiếng Chu Ru', 'Chru');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('rog', 'Tiếng Raglai', 'Roglai');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('cjm', 'Tiếng Chăm', 'Cham');
--> statement-breakpoint
INSERT INTO "languages" ("code", "name", "name_en") VALUES ('hmn', 'Tiếng Mông', 'Hmong');
