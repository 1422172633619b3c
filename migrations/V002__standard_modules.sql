-- Sweep standard CRM metadata: the modules of a fresh Zoho CRM organisation with their standard
-- fields and picklists, one custom module (Projects), the three profiles and the admin user.
-- Record tables (rec_*) are created from this metadata by RecordSchema; no record rows here.
-- Ids stay below the sweep_ids start (5725767000001000001):
--   users 5725767000000000101..., profiles 5725767000000000201...,
--   modules 5725767000000010001... (Leads = ...10001, Projects = ...10017),
--   fields 5725767000000020000 + 100 * module index + field number
--   (module index = last digits of the module id; e.g. Leads.Owner = 5725767000000020101).
-- Column names are the lower-case api names, except the system reference columns
-- owner_id, created_by_id, modified_by_id and layout_id.
-- Runs unchanged on H2 and PostgreSQL.

INSERT INTO profiles (id, name, administrator) VALUES
    (5725767000000000201, 'Administrator', TRUE),
    (5725767000000000202, 'Standard', FALSE),
    (5725767000000000203, 'Sales Rep', FALSE);

INSERT INTO users (id, email, full_name, profile_id, active, password_hash, created_time) VALUES
    (5725767000000000101, 'admin@sweep.local', 'Ada Admin', 5725767000000000201, TRUE, NULL, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');

INSERT INTO modules (id, api_name, module_name, singular_label, plural_label, table_name, generated_type, sequence_number) VALUES
    (5725767000000010001, 'Leads', 'Leads', 'Lead', 'Leads', 'rec_leads', 'default', 2),
    (5725767000000010002, 'Accounts', 'Accounts', 'Account', 'Accounts', 'rec_accounts', 'default', 4),
    (5725767000000010003, 'Contacts', 'Contacts', 'Contact', 'Contacts', 'rec_contacts', 'default', 3),
    (5725767000000010004, 'Deals', 'Deals', 'Deal', 'Deals', 'rec_deals', 'default', 5),
    (5725767000000010005, 'Campaigns', 'Campaigns', 'Campaign', 'Campaigns', 'rec_campaigns', 'default', 15),
    (5725767000000010006, 'Tasks', 'Tasks', 'Task', 'Tasks', 'rec_tasks', 'default', 6),
    (5725767000000010007, 'Calls', 'Calls', 'Call', 'Calls', 'rec_calls', 'default', 8),
    (5725767000000010008, 'Events', 'Events', 'Meeting', 'Meetings', 'rec_events', 'default', 7),
    (5725767000000010009, 'Solutions', 'Solutions', 'Solution', 'Solutions', 'rec_solutions', 'default', 17),
    (5725767000000010010, 'Products', 'Products', 'Product', 'Products', 'rec_products', 'default', 9),
    (5725767000000010011, 'Vendors', 'Vendors', 'Vendor', 'Vendors', 'rec_vendors', 'default', 14),
    (5725767000000010012, 'Price_Books', 'PriceBooks', 'Price Book', 'Price Books', 'rec_price_books', 'default', 16),
    (5725767000000010013, 'Quotes', 'Quotes', 'Quote', 'Quotes', 'rec_quotes', 'default', 10),
    (5725767000000010014, 'Sales_Orders', 'SalesOrders', 'Sales Order', 'Sales Orders', 'rec_sales_orders', 'default', 11),
    (5725767000000010015, 'Purchase_Orders', 'PurchaseOrders', 'Purchase Order', 'Purchase Orders', 'rec_purchase_orders', 'default', 12),
    (5725767000000010016, 'Invoices', 'Invoices', 'Invoice', 'Invoices', 'rec_invoices', 'default', 13),
    (5725767000000010017, 'Projects', 'Projects', 'Project', 'Projects', 'rec_projects', 'custom', 18);

-- Leads
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020101, 5725767000000010001, 'Owner', 'Lead Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020102, 5725767000000010001, 'Company', 'Company', 'company', 'text', 200, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020103, 5725767000000010001, 'Salutation', 'Salutation', 'salutation', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020104, 5725767000000010001, 'First_Name', 'First Name', 'first_name', 'text', 40, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020105, 5725767000000010001, 'Last_Name', 'Last Name', 'last_name', 'text', 80, NULL, FALSE, TRUE, FALSE, TRUE, FALSE, NULL, 5),
    (5725767000000020106, 5725767000000010001, 'Designation', 'Title', 'designation', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020107, 5725767000000010001, 'Email', 'Email', 'email', 'email', 100, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 7),
    (5725767000000020108, 5725767000000010001, 'Secondary_Email', 'Secondary Email', 'secondary_email', 'email', 100, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000020109, 5725767000000010001, 'Phone', 'Phone', 'phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000020110, 5725767000000010001, 'Mobile', 'Mobile', 'mobile', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000020111, 5725767000000010001, 'Fax', 'Fax', 'fax', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000020112, 5725767000000010001, 'Website', 'Website', 'website', 'website', 255, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000020113, 5725767000000010001, 'Lead_Source', 'Lead Source', 'lead_source', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000020114, 5725767000000010001, 'Lead_Status', 'Lead Status', 'lead_status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 14),
    (5725767000000020115, 5725767000000010001, 'Industry', 'Industry', 'industry', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000020116, 5725767000000010001, 'No_of_Employees', 'No. of Employees', 'no_of_employees', 'integer', 9, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000020117, 5725767000000010001, 'Annual_Revenue', 'Annual Revenue', 'annual_revenue', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000020118, 5725767000000010001, 'Rating', 'Rating', 'rating', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 18),
    (5725767000000020119, 5725767000000010001, 'Email_Opt_Out', 'Email Opt Out', 'email_opt_out', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000020120, 5725767000000010001, 'Skype_ID', 'Skype ID', 'skype_id', 'text', 50, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000020121, 5725767000000010001, 'Twitter', 'Twitter', 'twitter', 'text', 50, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000020122, 5725767000000010001, 'Street', 'Street', 'street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000020123, 5725767000000010001, 'City', 'City', 'city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000020124, 5725767000000010001, 'State', 'State', 'state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000020125, 5725767000000010001, 'Zip_Code', 'Zip Code', 'zip_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000020126, 5725767000000010001, 'Country', 'Country', 'country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000020127, 5725767000000010001, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 27),
    (5725767000000020128, 5725767000000010001, 'Last_Activity_Time', 'Last Activity Time', 'last_activity_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 28),
    (5725767000000020129, 5725767000000010001, 'Interests', 'Interests', 'interests', 'multiselectpicklist', 2000, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 29),
    (5725767000000020130, 5725767000000010001, 'Lead_Score', 'Lead Score', 'lead_score', 'integer', 9, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 30),
    (5725767000000020131, 5725767000000010001, 'Follow_Up_Date', 'Follow-up Date', 'follow_up_date', 'date', 20, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 31),
    (5725767000000020137, 5725767000000010001, 'Languages_Known', 'Languages Known', 'languages_known', 'multiselectpicklist', 2000, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 32),
    (5725767000000020132, 5725767000000010001, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 33),
    (5725767000000020133, 5725767000000010001, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000020134, 5725767000000010001, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 35),
    (5725767000000020135, 5725767000000010001, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 36),
    (5725767000000020136, 5725767000000010001, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 37);

-- Accounts
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020201, 5725767000000010002, 'Owner', 'Account Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020202, 5725767000000010002, 'Account_Name', 'Account Name', 'account_name', 'text', 200, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020203, 5725767000000010002, 'Account_Site', 'Account Site', 'account_site', 'text', 80, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020204, 5725767000000010002, 'Parent_Account', 'Parent Account', 'parent_account', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010002, 4),
    (5725767000000020205, 5725767000000010002, 'Account_Number', 'Account Number', 'account_number', 'bigint', 18, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000020206, 5725767000000010002, 'Account_Type', 'Account Type', 'account_type', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020207, 5725767000000010002, 'Industry', 'Industry', 'industry', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020208, 5725767000000010002, 'Annual_Revenue', 'Annual Revenue', 'annual_revenue', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000020209, 5725767000000010002, 'Employees', 'Employees', 'employees', 'integer', 9, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000020210, 5725767000000010002, 'Ownership', 'Ownership', 'ownership', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000020211, 5725767000000010002, 'Rating', 'Rating', 'rating', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000020212, 5725767000000010002, 'SIC_Code', 'SIC Code', 'sic_code', 'integer', 9, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000020213, 5725767000000010002, 'Ticker_Symbol', 'Ticker Symbol', 'ticker_symbol', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000020214, 5725767000000010002, 'Phone', 'Phone', 'phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 14),
    (5725767000000020215, 5725767000000010002, 'Fax', 'Fax', 'fax', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000020216, 5725767000000010002, 'Website', 'Website', 'website', 'website', 255, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000020217, 5725767000000010002, 'Billing_Street', 'Billing Street', 'billing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000020218, 5725767000000010002, 'Billing_City', 'Billing City', 'billing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 18),
    (5725767000000020219, 5725767000000010002, 'Billing_State', 'Billing State', 'billing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000020220, 5725767000000010002, 'Billing_Code', 'Billing Code', 'billing_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000020221, 5725767000000010002, 'Billing_Country', 'Billing Country', 'billing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000020222, 5725767000000010002, 'Shipping_Street', 'Shipping Street', 'shipping_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000020223, 5725767000000010002, 'Shipping_City', 'Shipping City', 'shipping_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000020224, 5725767000000010002, 'Shipping_State', 'Shipping State', 'shipping_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000020225, 5725767000000010002, 'Shipping_Code', 'Shipping Code', 'shipping_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000020226, 5725767000000010002, 'Shipping_Country', 'Shipping Country', 'shipping_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000020227, 5725767000000010002, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 27),
    (5725767000000020228, 5725767000000010002, 'Last_Activity_Time', 'Last Activity Time', 'last_activity_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 28),
    (5725767000000020229, 5725767000000010002, 'Key_Account', 'Key Account', 'key_account', 'boolean', 5, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 29),
    (5725767000000020230, 5725767000000010002, 'Customer_Since', 'Customer Since', 'customer_since', 'date', 20, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 30),
    (5725767000000020231, 5725767000000010002, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 31),
    (5725767000000020232, 5725767000000010002, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 32),
    (5725767000000020233, 5725767000000010002, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 33),
    (5725767000000020234, 5725767000000010002, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000020235, 5725767000000010002, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 35);

-- Contacts
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020301, 5725767000000010003, 'Owner', 'Contact Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020302, 5725767000000010003, 'Salutation', 'Salutation', 'salutation', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020303, 5725767000000010003, 'First_Name', 'First Name', 'first_name', 'text', 40, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020304, 5725767000000010003, 'Last_Name', 'Last Name', 'last_name', 'text', 80, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020305, 5725767000000010003, 'Account_Name', 'Account Name', 'account_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010002, 5),
    (5725767000000020306, 5725767000000010003, 'Vendor_Name', 'Vendor Name', 'vendor_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010011, 6),
    (5725767000000020307, 5725767000000010003, 'Title', 'Title', 'title', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020308, 5725767000000010003, 'Department', 'Department', 'department', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000020309, 5725767000000010003, 'Email', 'Email', 'email', 'email', 100, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000020310, 5725767000000010003, 'Secondary_Email', 'Secondary Email', 'secondary_email', 'email', 100, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 10),
    (5725767000000020311, 5725767000000010003, 'Phone', 'Phone', 'phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000020312, 5725767000000010003, 'Home_Phone', 'Home Phone', 'home_phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000020313, 5725767000000010003, 'Other_Phone', 'Other Phone', 'other_phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000020314, 5725767000000010003, 'Mobile', 'Mobile', 'mobile', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 14),
    (5725767000000020315, 5725767000000010003, 'Fax', 'Fax', 'fax', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000020316, 5725767000000010003, 'Assistant', 'Assistant', 'assistant', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000020317, 5725767000000010003, 'Asst_Phone', 'Asst Phone', 'asst_phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000020318, 5725767000000010003, 'Reporting_To', 'Reports To', 'reporting_to', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 18),
    (5725767000000020319, 5725767000000010003, 'Lead_Source', 'Lead Source', 'lead_source', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000020320, 5725767000000010003, 'Date_of_Birth', 'Date of Birth', 'date_of_birth', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000020321, 5725767000000010003, 'Email_Opt_Out', 'Email Opt Out', 'email_opt_out', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000020322, 5725767000000010003, 'Skype_ID', 'Skype ID', 'skype_id', 'text', 50, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000020323, 5725767000000010003, 'Twitter', 'Twitter', 'twitter', 'text', 50, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000020324, 5725767000000010003, 'Mailing_Street', 'Mailing Street', 'mailing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000020325, 5725767000000010003, 'Mailing_City', 'Mailing City', 'mailing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000020326, 5725767000000010003, 'Mailing_State', 'Mailing State', 'mailing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000020327, 5725767000000010003, 'Mailing_Zip', 'Mailing Zip', 'mailing_zip', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 27),
    (5725767000000020328, 5725767000000010003, 'Mailing_Country', 'Mailing Country', 'mailing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 28),
    (5725767000000020329, 5725767000000010003, 'Other_Street', 'Other Street', 'other_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 29),
    (5725767000000020330, 5725767000000010003, 'Other_City', 'Other City', 'other_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 30),
    (5725767000000020331, 5725767000000010003, 'Other_State', 'Other State', 'other_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 31),
    (5725767000000020332, 5725767000000010003, 'Other_Zip', 'Other Zip', 'other_zip', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 32),
    (5725767000000020333, 5725767000000010003, 'Other_Country', 'Other Country', 'other_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 33),
    (5725767000000020334, 5725767000000010003, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000020335, 5725767000000010003, 'Last_Activity_Time', 'Last Activity Time', 'last_activity_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 35),
    (5725767000000020336, 5725767000000010003, 'Interests', 'Interests', 'interests', 'multiselectpicklist', 2000, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 36),
    (5725767000000020337, 5725767000000010003, 'Preferred_Language', 'Preferred Language', 'preferred_language', 'picklist', 120, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 37),
    (5725767000000020338, 5725767000000010003, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 38),
    (5725767000000020339, 5725767000000010003, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 39),
    (5725767000000020340, 5725767000000010003, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 40),
    (5725767000000020341, 5725767000000010003, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 41),
    (5725767000000020342, 5725767000000010003, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 42);

-- Deals
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020401, 5725767000000010004, 'Owner', 'Deal Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020402, 5725767000000010004, 'Deal_Name', 'Deal Name', 'deal_name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020403, 5725767000000010004, 'Amount', 'Amount', 'amount', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020404, 5725767000000010004, 'Closing_Date', 'Closing Date', 'closing_date', 'date', 20, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020405, 5725767000000010004, 'Account_Name', 'Account Name', 'account_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010002, 5),
    (5725767000000020406, 5725767000000010004, 'Stage', 'Stage', 'stage', 'picklist', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020407, 5725767000000010004, 'Type', 'Type', 'type', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020408, 5725767000000010004, 'Probability', 'Probability (%)', 'probability', 'integer', 3, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000020409, 5725767000000010004, 'Expected_Revenue', 'Expected Revenue', 'expected_revenue', 'formula', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000020410, 5725767000000010004, 'Next_Step', 'Next Step', 'next_step', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000020411, 5725767000000010004, 'Lead_Source', 'Lead Source', 'lead_source', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000020412, 5725767000000010004, 'Campaign_Source', 'Campaign Source', 'campaign_source', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010005, 12),
    (5725767000000020413, 5725767000000010004, 'Contact_Name', 'Contact Name', 'contact_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 13),
    (5725767000000020414, 5725767000000010004, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000020415, 5725767000000010004, 'Last_Activity_Time', 'Last Activity Time', 'last_activity_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 15),
    (5725767000000020416, 5725767000000010004, 'Discount_Rate', 'Discount Rate', 'discount_rate', 'percent', 5, 2, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 16),
    (5725767000000020417, 5725767000000010004, 'Renewal', 'Renewal', 'renewal', 'boolean', 5, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 17),
    (5725767000000020418, 5725767000000010004, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 18),
    (5725767000000020419, 5725767000000010004, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 19),
    (5725767000000020420, 5725767000000010004, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 20),
    (5725767000000020421, 5725767000000010004, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 21),
    (5725767000000020422, 5725767000000010004, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 22);

-- Campaigns
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020501, 5725767000000010005, 'Owner', 'Campaign Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020502, 5725767000000010005, 'Campaign_Name', 'Campaign Name', 'campaign_name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020503, 5725767000000010005, 'Type', 'Type', 'type', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020504, 5725767000000010005, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020505, 5725767000000010005, 'Start_Date', 'Start Date', 'start_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000020506, 5725767000000010005, 'End_Date', 'End Date', 'end_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020507, 5725767000000010005, 'Expected_Revenue', 'Expected Revenue', 'expected_revenue', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020508, 5725767000000010005, 'Budgeted_Cost', 'Budgeted Cost', 'budgeted_cost', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000020509, 5725767000000010005, 'Actual_Cost', 'Actual Cost', 'actual_cost', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000020510, 5725767000000010005, 'Expected_Response', 'Expected Response', 'expected_response', 'integer', 9, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000020511, 5725767000000010005, 'Num_sent', 'Numbers sent', 'num_sent', 'bigint', 18, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000020512, 5725767000000010005, 'Parent_Campaign', 'Parent Campaign', 'parent_campaign', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010005, 12),
    (5725767000000020513, 5725767000000010005, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000020514, 5725767000000010005, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000020515, 5725767000000010005, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 15),
    (5725767000000020516, 5725767000000010005, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 16),
    (5725767000000020517, 5725767000000010005, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 17),
    (5725767000000020518, 5725767000000010005, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 18);

-- Tasks
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020601, 5725767000000010006, 'Owner', 'Task Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020602, 5725767000000010006, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020603, 5725767000000010006, 'Due_Date', 'Due Date', 'due_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020604, 5725767000000010006, 'Who_Id', 'Contact Name', 'who_id', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 4),
    (5725767000000020605, 5725767000000010006, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000020606, 5725767000000010006, 'Priority', 'Priority', 'priority', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020607, 5725767000000010006, 'Send_Notification_Email', 'Send Notification Email', 'send_notification_email', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020608, 5725767000000010006, 'Closed_Time', 'Closed Time', 'closed_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000020609, 5725767000000010006, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000020610, 5725767000000010006, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 10),
    (5725767000000020611, 5725767000000010006, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 11),
    (5725767000000020612, 5725767000000010006, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 12),
    (5725767000000020613, 5725767000000010006, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000020614, 5725767000000010006, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 14);

-- Calls
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020701, 5725767000000010007, 'Owner', 'Call Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020702, 5725767000000010007, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020703, 5725767000000010007, 'Call_Type', 'Call Type', 'call_type', 'picklist', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020704, 5725767000000010007, 'Call_Purpose', 'Call Purpose', 'call_purpose', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020705, 5725767000000010007, 'Who_Id', 'Contact Name', 'who_id', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 5),
    (5725767000000020706, 5725767000000010007, 'Call_Start_Time', 'Call Start Time', 'call_start_time', 'datetime', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020707, 5725767000000010007, 'Call_Duration', 'Call Duration', 'call_duration', 'text', 10, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000020708, 5725767000000010007, 'Call_Duration_in_seconds', 'Call Duration (in seconds)', 'call_duration_in_seconds', 'integer', 9, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000020709, 5725767000000010007, 'Call_Result', 'Call Result', 'call_result', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000020710, 5725767000000010007, 'Call_Agenda', 'Call Agenda', 'call_agenda', 'text', 255, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000020711, 5725767000000010007, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 11),
    (5725767000000020712, 5725767000000010007, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 12),
    (5725767000000020713, 5725767000000010007, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000020714, 5725767000000010007, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000020715, 5725767000000010007, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 15),
    (5725767000000020716, 5725767000000010007, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 16);

-- Events
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020801, 5725767000000010008, 'Owner', 'Host', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020802, 5725767000000010008, 'Event_Title', 'Title', 'event_title', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000020803, 5725767000000010008, 'Venue', 'Location', 'venue', 'text', 255, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020804, 5725767000000010008, 'All_day', 'All day', 'all_day', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000020805, 5725767000000010008, 'Start_DateTime', 'From', 'start_datetime', 'datetime', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000020806, 5725767000000010008, 'End_DateTime', 'To', 'end_datetime', 'datetime', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020807, 5725767000000010008, 'Who_Id', 'Contact Name', 'who_id', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 7),
    (5725767000000020808, 5725767000000010008, 'Check_In_Status', 'Check-In Status', 'check_in_status', 'text', 255, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000020809, 5725767000000010008, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000020810, 5725767000000010008, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 10),
    (5725767000000020811, 5725767000000010008, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 11),
    (5725767000000020812, 5725767000000010008, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 12),
    (5725767000000020813, 5725767000000010008, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000020814, 5725767000000010008, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 14);

-- Solutions
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000020901, 5725767000000010009, 'Owner', 'Solution Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000020902, 5725767000000010009, 'Solution_Number', 'Solution Number', 'solution_number', 'autonumber', 255, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 2),
    (5725767000000020903, 5725767000000010009, 'Solution_Title', 'Solution Title', 'solution_title', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000020904, 5725767000000010009, 'Product_Name', 'Product Name', 'product_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010010, 4),
    (5725767000000020905, 5725767000000010009, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000020906, 5725767000000010009, 'Published', 'Published', 'published', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000020907, 5725767000000010009, 'No_of_comments', 'Comments', 'no_of_comments', 'integer', 9, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 7),
    (5725767000000020908, 5725767000000010009, 'Question', 'Question', 'question', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000020909, 5725767000000010009, 'Answer', 'Answer', 'answer', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000020910, 5725767000000010009, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 10),
    (5725767000000020911, 5725767000000010009, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 11),
    (5725767000000020912, 5725767000000010009, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 12),
    (5725767000000020913, 5725767000000010009, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000020914, 5725767000000010009, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 14);

-- Products
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021001, 5725767000000010010, 'Owner', 'Product Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021002, 5725767000000010010, 'Product_Name', 'Product Name', 'product_name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021003, 5725767000000010010, 'Product_Code', 'Product Code', 'product_code', 'text', 40, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000021004, 5725767000000010010, 'Vendor_Name', 'Vendor Name', 'vendor_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010011, 4),
    (5725767000000021005, 5725767000000010010, 'Product_Active', 'Product Active', 'product_active', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000021006, 5725767000000010010, 'Manufacturer', 'Manufacturer', 'manufacturer', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000021007, 5725767000000010010, 'Product_Category', 'Product Category', 'product_category', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000021008, 5725767000000010010, 'Sales_Start_Date', 'Sales Start Date', 'sales_start_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000021009, 5725767000000010010, 'Sales_End_Date', 'Sales End Date', 'sales_end_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000021010, 5725767000000010010, 'Support_Start_Date', 'Support Start Date', 'support_start_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000021011, 5725767000000010010, 'Support_Expiry_Date', 'Support End Date', 'support_expiry_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021012, 5725767000000010010, 'Unit_Price', 'Unit Price', 'unit_price', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021013, 5725767000000010010, 'Commission_Rate', 'Commission Rate', 'commission_rate', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000021014, 5725767000000010010, 'Tax', 'Tax', 'tax', 'multiselectpicklist', 2000, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 14),
    (5725767000000021015, 5725767000000010010, 'Taxable', 'Taxable', 'taxable', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000021016, 5725767000000010010, 'Usage_Unit', 'Usage Unit', 'usage_unit', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000021017, 5725767000000010010, 'Qty_Ordered', 'Qty Ordered', 'qty_ordered', 'double', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000021018, 5725767000000010010, 'Qty_in_Stock', 'Quantity in Stock', 'qty_in_stock', 'double', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 18),
    (5725767000000021019, 5725767000000010010, 'Reorder_Level', 'Reorder Level', 'reorder_level', 'double', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000021020, 5725767000000010010, 'Qty_in_Demand', 'Quantity in Demand', 'qty_in_demand', 'double', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000021021, 5725767000000010010, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 21),
    (5725767000000021022, 5725767000000010010, 'Weight_kg', 'Weight (kg)', 'weight_kg', 'decimal', 16, 2, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 22),
    (5725767000000021023, 5725767000000010010, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 23),
    (5725767000000021024, 5725767000000010010, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 24),
    (5725767000000021025, 5725767000000010010, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 25),
    (5725767000000021026, 5725767000000010010, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 26),
    (5725767000000021027, 5725767000000010010, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 27);

-- Vendors
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021101, 5725767000000010011, 'Owner', 'Vendor Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021102, 5725767000000010011, 'Vendor_Name', 'Vendor Name', 'vendor_name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021103, 5725767000000010011, 'Email', 'Email', 'email', 'email', 100, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 3),
    (5725767000000021104, 5725767000000010011, 'Phone', 'Phone', 'phone', 'phone', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021105, 5725767000000010011, 'Website', 'Website', 'website', 'website', 255, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000021106, 5725767000000010011, 'GL_Account', 'GL Account', 'gl_account', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 6),
    (5725767000000021107, 5725767000000010011, 'Category', 'Category', 'category', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000021108, 5725767000000010011, 'Street', 'Street', 'street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000021109, 5725767000000010011, 'City', 'City', 'city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000021110, 5725767000000010011, 'State', 'State', 'state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000021111, 5725767000000010011, 'Zip_Code', 'Zip Code', 'zip_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021112, 5725767000000010011, 'Country', 'Country', 'country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021113, 5725767000000010011, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000021114, 5725767000000010011, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000021115, 5725767000000010011, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 15),
    (5725767000000021116, 5725767000000010011, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 16),
    (5725767000000021117, 5725767000000010011, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 17),
    (5725767000000021118, 5725767000000010011, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 18);

-- Price_Books
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021201, 5725767000000010012, 'Owner', 'Price Book Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021202, 5725767000000010012, 'Price_Book_Name', 'Price Book Name', 'price_book_name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021203, 5725767000000010012, 'Active', 'Active', 'active', 'boolean', 5, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000021204, 5725767000000010012, 'Pricing_Model', 'Pricing Model', 'pricing_model', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021205, 5725767000000010012, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 5),
    (5725767000000021206, 5725767000000010012, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 6),
    (5725767000000021207, 5725767000000010012, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 7),
    (5725767000000021208, 5725767000000010012, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 8),
    (5725767000000021209, 5725767000000010012, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 9),
    (5725767000000021210, 5725767000000010012, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 10);

-- Quotes
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021301, 5725767000000010013, 'Owner', 'Quote Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021302, 5725767000000010013, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021303, 5725767000000010013, 'Quote_Stage', 'Quote Stage', 'quote_stage', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000021304, 5725767000000010013, 'Valid_Till', 'Valid Until', 'valid_till', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021305, 5725767000000010013, 'Deal_Name', 'Deal Name', 'deal_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010004, 5),
    (5725767000000021306, 5725767000000010013, 'Contact_Name', 'Contact Name', 'contact_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 6),
    (5725767000000021307, 5725767000000010013, 'Account_Name', 'Account Name', 'account_name', 'lookup', 120, NULL, FALSE, TRUE, FALSE, TRUE, FALSE, 5725767000000010002, 7),
    (5725767000000021308, 5725767000000010013, 'Team', 'Team', 'team', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000021309, 5725767000000010013, 'Carrier', 'Carrier', 'carrier', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000021310, 5725767000000010013, 'Sub_Total', 'Sub Total', 'sub_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 10),
    (5725767000000021311, 5725767000000010013, 'Discount', 'Discount', 'discount', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021312, 5725767000000010013, 'Tax', 'Tax', 'tax', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021313, 5725767000000010013, 'Adjustment', 'Adjustment', 'adjustment', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000021314, 5725767000000010013, 'Grand_Total', 'Grand Total', 'grand_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000021315, 5725767000000010013, 'Billing_Street', 'Billing Street', 'billing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000021316, 5725767000000010013, 'Billing_City', 'Billing City', 'billing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000021317, 5725767000000010013, 'Billing_State', 'Billing State', 'billing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000021318, 5725767000000010013, 'Billing_Code', 'Billing Code', 'billing_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 18),
    (5725767000000021319, 5725767000000010013, 'Billing_Country', 'Billing Country', 'billing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000021320, 5725767000000010013, 'Shipping_Street', 'Shipping Street', 'shipping_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000021321, 5725767000000010013, 'Shipping_City', 'Shipping City', 'shipping_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000021322, 5725767000000010013, 'Shipping_State', 'Shipping State', 'shipping_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000021323, 5725767000000010013, 'Shipping_Code', 'Shipping Code', 'shipping_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000021324, 5725767000000010013, 'Shipping_Country', 'Shipping Country', 'shipping_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000021325, 5725767000000010013, 'Terms_and_Conditions', 'Terms and Conditions', 'terms_and_conditions', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 25),
    (5725767000000021326, 5725767000000010013, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 26),
    (5725767000000021327, 5725767000000010013, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 27),
    (5725767000000021328, 5725767000000010013, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 28),
    (5725767000000021329, 5725767000000010013, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 29),
    (5725767000000021330, 5725767000000010013, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 30),
    (5725767000000021331, 5725767000000010013, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 31);

-- Sales_Orders
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021401, 5725767000000010014, 'Owner', 'Sales Order Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021402, 5725767000000010014, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021403, 5725767000000010014, 'SO_Number', 'SO Number', 'so_number', 'autonumber', 255, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 3),
    (5725767000000021404, 5725767000000010014, 'Customer_No', 'Customer No', 'customer_no', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021405, 5725767000000010014, 'Purchase_Order', 'Purchase Order', 'purchase_order', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000021406, 5725767000000010014, 'Quote_Name', 'Quote Name', 'quote_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010013, 6),
    (5725767000000021407, 5725767000000010014, 'Deal_Name', 'Deal Name', 'deal_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010004, 7),
    (5725767000000021408, 5725767000000010014, 'Contact_Name', 'Contact Name', 'contact_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 8),
    (5725767000000021409, 5725767000000010014, 'Account_Name', 'Account Name', 'account_name', 'lookup', 120, NULL, FALSE, TRUE, FALSE, TRUE, FALSE, 5725767000000010002, 9),
    (5725767000000021410, 5725767000000010014, 'Due_Date', 'Due Date', 'due_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000021411, 5725767000000010014, 'Pending', 'Pending', 'pending', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021412, 5725767000000010014, 'Carrier', 'Carrier', 'carrier', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021413, 5725767000000010014, 'Excise_Duty', 'Excise Duty', 'excise_duty', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000021414, 5725767000000010014, 'Sales_Commission', 'Sales Commission', 'sales_commission', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 14),
    (5725767000000021415, 5725767000000010014, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000021416, 5725767000000010014, 'Sub_Total', 'Sub Total', 'sub_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 16),
    (5725767000000021417, 5725767000000010014, 'Discount', 'Discount', 'discount', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000021418, 5725767000000010014, 'Tax', 'Tax', 'tax', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 18),
    (5725767000000021419, 5725767000000010014, 'Adjustment', 'Adjustment', 'adjustment', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000021420, 5725767000000010014, 'Grand_Total', 'Grand Total', 'grand_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 20),
    (5725767000000021421, 5725767000000010014, 'Billing_Street', 'Billing Street', 'billing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000021422, 5725767000000010014, 'Billing_City', 'Billing City', 'billing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000021423, 5725767000000010014, 'Billing_State', 'Billing State', 'billing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000021424, 5725767000000010014, 'Billing_Code', 'Billing Code', 'billing_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000021425, 5725767000000010014, 'Billing_Country', 'Billing Country', 'billing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000021426, 5725767000000010014, 'Shipping_Street', 'Shipping Street', 'shipping_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000021427, 5725767000000010014, 'Shipping_City', 'Shipping City', 'shipping_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 27),
    (5725767000000021428, 5725767000000010014, 'Shipping_State', 'Shipping State', 'shipping_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 28),
    (5725767000000021429, 5725767000000010014, 'Shipping_Code', 'Shipping Code', 'shipping_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 29),
    (5725767000000021430, 5725767000000010014, 'Shipping_Country', 'Shipping Country', 'shipping_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 30),
    (5725767000000021431, 5725767000000010014, 'Terms_and_Conditions', 'Terms and Conditions', 'terms_and_conditions', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 31),
    (5725767000000021432, 5725767000000010014, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 32),
    (5725767000000021433, 5725767000000010014, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 33),
    (5725767000000021434, 5725767000000010014, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000021435, 5725767000000010014, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 35),
    (5725767000000021436, 5725767000000010014, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 36),
    (5725767000000021437, 5725767000000010014, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 37);

-- Purchase_Orders
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021501, 5725767000000010015, 'Owner', 'Purchase Order Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021502, 5725767000000010015, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021503, 5725767000000010015, 'PO_Number', 'PO Number', 'po_number', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 3),
    (5725767000000021504, 5725767000000010015, 'PO_Date', 'PO Date', 'po_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021505, 5725767000000010015, 'Vendor_Name', 'Vendor Name', 'vendor_name', 'lookup', 120, NULL, FALSE, TRUE, FALSE, TRUE, FALSE, 5725767000000010011, 5),
    (5725767000000021506, 5725767000000010015, 'Contact_Name', 'Contact Name', 'contact_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 6),
    (5725767000000021507, 5725767000000010015, 'Requisition_No', 'Requisition No', 'requisition_no', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000021508, 5725767000000010015, 'Tracking_Number', 'Tracking Number', 'tracking_number', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 8),
    (5725767000000021509, 5725767000000010015, 'Due_Date', 'Due Date', 'due_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 9),
    (5725767000000021510, 5725767000000010015, 'Carrier', 'Carrier', 'carrier', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 10),
    (5725767000000021511, 5725767000000010015, 'Excise_Duty', 'Excise Duty', 'excise_duty', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021512, 5725767000000010015, 'Sales_Commission', 'Sales Commission', 'sales_commission', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021513, 5725767000000010015, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000021514, 5725767000000010015, 'Sub_Total', 'Sub Total', 'sub_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000021515, 5725767000000010015, 'Discount', 'Discount', 'discount', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000021516, 5725767000000010015, 'Tax', 'Tax', 'tax', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000021517, 5725767000000010015, 'Adjustment', 'Adjustment', 'adjustment', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000021518, 5725767000000010015, 'Grand_Total', 'Grand Total', 'grand_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 18),
    (5725767000000021519, 5725767000000010015, 'Billing_Street', 'Billing Street', 'billing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000021520, 5725767000000010015, 'Billing_City', 'Billing City', 'billing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000021521, 5725767000000010015, 'Billing_State', 'Billing State', 'billing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000021522, 5725767000000010015, 'Billing_Code', 'Billing Code', 'billing_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000021523, 5725767000000010015, 'Billing_Country', 'Billing Country', 'billing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000021524, 5725767000000010015, 'Shipping_Street', 'Shipping Street', 'shipping_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000021525, 5725767000000010015, 'Shipping_City', 'Shipping City', 'shipping_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000021526, 5725767000000010015, 'Shipping_State', 'Shipping State', 'shipping_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000021527, 5725767000000010015, 'Shipping_Code', 'Shipping Code', 'shipping_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 27),
    (5725767000000021528, 5725767000000010015, 'Shipping_Country', 'Shipping Country', 'shipping_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 28),
    (5725767000000021529, 5725767000000010015, 'Terms_and_Conditions', 'Terms and Conditions', 'terms_and_conditions', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 29),
    (5725767000000021530, 5725767000000010015, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 30),
    (5725767000000021531, 5725767000000010015, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 31),
    (5725767000000021532, 5725767000000010015, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 32),
    (5725767000000021533, 5725767000000010015, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 33),
    (5725767000000021534, 5725767000000010015, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000021535, 5725767000000010015, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 35);

-- Invoices
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021601, 5725767000000010016, 'Owner', 'Invoice Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021602, 5725767000000010016, 'Subject', 'Subject', 'subject', 'text', 255, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021603, 5725767000000010016, 'Invoice_Number', 'Invoice Number', 'invoice_number', 'autonumber', 255, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 3),
    (5725767000000021604, 5725767000000010016, 'Invoice_Date', 'Invoice Date', 'invoice_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 4),
    (5725767000000021605, 5725767000000010016, 'Due_Date', 'Due Date', 'due_date', 'date', 20, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 5),
    (5725767000000021606, 5725767000000010016, 'Sales_Order', 'Sales Order', 'sales_order', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010014, 6),
    (5725767000000021607, 5725767000000010016, 'Purchase_Order', 'Purchase Order', 'purchase_order', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 7),
    (5725767000000021608, 5725767000000010016, 'Contact_Name', 'Contact Name', 'contact_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010003, 8),
    (5725767000000021609, 5725767000000010016, 'Account_Name', 'Account Name', 'account_name', 'lookup', 120, NULL, FALSE, TRUE, FALSE, TRUE, FALSE, 5725767000000010002, 9),
    (5725767000000021610, 5725767000000010016, 'Deal_Name', 'Deal Name', 'deal_name', 'lookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, 5725767000000010004, 10),
    (5725767000000021611, 5725767000000010016, 'Excise_Duty', 'Excise Duty', 'excise_duty', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 11),
    (5725767000000021612, 5725767000000010016, 'Sales_Commission', 'Sales Commission', 'sales_commission', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 12),
    (5725767000000021613, 5725767000000010016, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 13),
    (5725767000000021614, 5725767000000010016, 'Sub_Total', 'Sub Total', 'sub_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000021615, 5725767000000010016, 'Discount', 'Discount', 'discount', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 15),
    (5725767000000021616, 5725767000000010016, 'Tax', 'Tax', 'tax', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 16),
    (5725767000000021617, 5725767000000010016, 'Adjustment', 'Adjustment', 'adjustment', 'currency', 16, 2, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 17),
    (5725767000000021618, 5725767000000010016, 'Grand_Total', 'Grand Total', 'grand_total', 'currency', 16, 2, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 18),
    (5725767000000021619, 5725767000000010016, 'Billing_Street', 'Billing Street', 'billing_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 19),
    (5725767000000021620, 5725767000000010016, 'Billing_City', 'Billing City', 'billing_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 20),
    (5725767000000021621, 5725767000000010016, 'Billing_State', 'Billing State', 'billing_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 21),
    (5725767000000021622, 5725767000000010016, 'Billing_Code', 'Billing Code', 'billing_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 22),
    (5725767000000021623, 5725767000000010016, 'Billing_Country', 'Billing Country', 'billing_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 23),
    (5725767000000021624, 5725767000000010016, 'Shipping_Street', 'Shipping Street', 'shipping_street', 'text', 250, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 24),
    (5725767000000021625, 5725767000000010016, 'Shipping_City', 'Shipping City', 'shipping_city', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 25),
    (5725767000000021626, 5725767000000010016, 'Shipping_State', 'Shipping State', 'shipping_state', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 26),
    (5725767000000021627, 5725767000000010016, 'Shipping_Code', 'Shipping Code', 'shipping_code', 'text', 30, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 27),
    (5725767000000021628, 5725767000000010016, 'Shipping_Country', 'Shipping Country', 'shipping_country', 'text', 100, NULL, FALSE, FALSE, FALSE, TRUE, TRUE, NULL, 28),
    (5725767000000021629, 5725767000000010016, 'Terms_and_Conditions', 'Terms and Conditions', 'terms_and_conditions', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 29),
    (5725767000000021630, 5725767000000010016, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 30),
    (5725767000000021631, 5725767000000010016, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 31),
    (5725767000000021632, 5725767000000010016, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 32),
    (5725767000000021633, 5725767000000010016, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 33),
    (5725767000000021634, 5725767000000010016, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 34),
    (5725767000000021635, 5725767000000010016, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 35);

-- Projects
INSERT INTO fields (id, module_id, api_name, field_label, column_name, data_type, length, decimal_place, read_only, system_mandatory, custom_field, visible, mass_update, lookup_module_id, sequence_number) VALUES
    (5725767000000021701, 5725767000000010017, 'Owner', 'Project Owner', 'owner_id', 'ownerlookup', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 1),
    (5725767000000021702, 5725767000000010017, 'Name', 'Project Name', 'name', 'text', 120, NULL, FALSE, TRUE, FALSE, TRUE, TRUE, NULL, 2),
    (5725767000000021703, 5725767000000010017, 'Status', 'Status', 'status', 'picklist', 120, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 3),
    (5725767000000021704, 5725767000000010017, 'Budget', 'Budget', 'budget', 'currency', 16, 2, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 4),
    (5725767000000021705, 5725767000000010017, 'Start_Date', 'Start Date', 'start_date', 'date', 20, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 5),
    (5725767000000021706, 5725767000000010017, 'End_Date', 'End Date', 'end_date', 'date', 20, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 6),
    (5725767000000021707, 5725767000000010017, 'Categories', 'Categories', 'categories', 'multiselectpicklist', 2000, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 7),
    (5725767000000021708, 5725767000000010017, 'Account', 'Account', 'account', 'lookup', 120, NULL, FALSE, FALSE, TRUE, TRUE, FALSE, 5725767000000010002, 8),
    (5725767000000021709, 5725767000000010017, 'Progress', 'Progress', 'progress', 'percent', 5, 2, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 9),
    (5725767000000021710, 5725767000000010017, 'Billable', 'Billable', 'billable', 'boolean', 5, NULL, FALSE, FALSE, TRUE, TRUE, TRUE, NULL, 10),
    (5725767000000021711, 5725767000000010017, 'Description', 'Description', 'description', 'textarea', 32000, NULL, FALSE, FALSE, TRUE, TRUE, FALSE, NULL, 11),
    (5725767000000021712, 5725767000000010017, 'Created_By', 'Created By', 'created_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 12),
    (5725767000000021713, 5725767000000010017, 'Modified_By', 'Modified By', 'modified_by_id', 'ownerlookup', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 13),
    (5725767000000021714, 5725767000000010017, 'Created_Time', 'Created Time', 'created_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 14),
    (5725767000000021715, 5725767000000010017, 'Modified_Time', 'Modified Time', 'modified_time', 'datetime', 120, NULL, TRUE, FALSE, FALSE, TRUE, FALSE, NULL, 15),
    (5725767000000021716, 5725767000000010017, 'Layout', 'Layout', 'layout_id', 'layout', 120, NULL, FALSE, FALSE, FALSE, TRUE, FALSE, NULL, 16);

-- picklist values (no '-None-': a null field is simply empty)
-- Leads.Salutation
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020103, 1, 'Mr.', 'Mr.'),
    (5725767000000020103, 2, 'Mrs.', 'Mrs.'),
    (5725767000000020103, 3, 'Ms.', 'Ms.'),
    (5725767000000020103, 4, 'Dr.', 'Dr.'),
    (5725767000000020103, 5, 'Prof.', 'Prof.');

-- Leads.Lead_Source
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020113, 1, 'Advertisement', 'Advertisement'),
    (5725767000000020113, 2, 'Cold Call', 'Cold Call'),
    (5725767000000020113, 3, 'Employee Referral', 'Employee Referral'),
    (5725767000000020113, 4, 'External Referral', 'External Referral'),
    (5725767000000020113, 5, 'Online Store', 'Online Store'),
    (5725767000000020113, 6, 'Partner', 'Partner'),
    (5725767000000020113, 7, 'Public Relations', 'Public Relations'),
    (5725767000000020113, 8, 'Sales Email Alias', 'Sales Email Alias'),
    (5725767000000020113, 9, 'Seminar Partner', 'Seminar Partner'),
    (5725767000000020113, 10, 'Internal Seminar', 'Internal Seminar'),
    (5725767000000020113, 11, 'Trade Show', 'Trade Show'),
    (5725767000000020113, 12, 'Web Download', 'Web Download'),
    (5725767000000020113, 13, 'Web Research', 'Web Research'),
    (5725767000000020113, 14, 'Chat', 'Chat'),
    (5725767000000020113, 15, 'Facebook', 'Facebook'),
    (5725767000000020113, 16, 'Twitter', 'Twitter');

-- Leads.Lead_Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020114, 1, 'Attempted to Contact', 'Attempted to Contact'),
    (5725767000000020114, 2, 'Contact in Future', 'Contact in Future'),
    (5725767000000020114, 3, 'Contacted', 'Contacted'),
    (5725767000000020114, 4, 'Junk Lead', 'Junk Lead'),
    (5725767000000020114, 5, 'Lost Lead', 'Lost Lead'),
    (5725767000000020114, 6, 'Not Contacted', 'Not Contacted'),
    (5725767000000020114, 7, 'Pre-Qualified', 'Pre-Qualified'),
    (5725767000000020114, 8, 'Not Qualified', 'Not Qualified'),
    (5725767000000020114, 9, 'Cold', 'Cold');

-- Leads.Industry
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020115, 1, 'ASP (Application Service Provider)', 'ASP (Application Service Provider)'),
    (5725767000000020115, 2, 'Data/Telecom OEM', 'Data/Telecom OEM'),
    (5725767000000020115, 3, 'ERP (Enterprise Resource Planning)', 'ERP (Enterprise Resource Planning)'),
    (5725767000000020115, 4, 'Government/Military', 'Government/Military'),
    (5725767000000020115, 5, 'Large Enterprise', 'Large Enterprise'),
    (5725767000000020115, 6, 'ManagementISV', 'ManagementISV'),
    (5725767000000020115, 7, 'MSP (Management Service Provider)', 'MSP (Management Service Provider)'),
    (5725767000000020115, 8, 'Network Equipment Enterprise', 'Network Equipment Enterprise'),
    (5725767000000020115, 9, 'Non-management ISV', 'Non-management ISV'),
    (5725767000000020115, 10, 'Optical Networking', 'Optical Networking'),
    (5725767000000020115, 11, 'Service Provider', 'Service Provider'),
    (5725767000000020115, 12, 'Small/Medium Enterprise', 'Small/Medium Enterprise'),
    (5725767000000020115, 13, 'Storage Equipment', 'Storage Equipment'),
    (5725767000000020115, 14, 'Storage Service Provider', 'Storage Service Provider'),
    (5725767000000020115, 15, 'Systems Integrator', 'Systems Integrator'),
    (5725767000000020115, 16, 'Wireless Industry', 'Wireless Industry'),
    (5725767000000020115, 17, 'Communications', 'Communications'),
    (5725767000000020115, 18, 'Consulting', 'Consulting'),
    (5725767000000020115, 19, 'Education', 'Education'),
    (5725767000000020115, 20, 'Financial Services', 'Financial Services'),
    (5725767000000020115, 21, 'Government', 'Government'),
    (5725767000000020115, 22, 'Manufacturing', 'Manufacturing'),
    (5725767000000020115, 23, 'Retail', 'Retail'),
    (5725767000000020115, 24, 'Technology', 'Technology');

-- Leads.Rating
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020118, 1, 'Acquired', 'Acquired'),
    (5725767000000020118, 2, 'Active', 'Active'),
    (5725767000000020118, 3, 'Market Failed', 'Market Failed'),
    (5725767000000020118, 4, 'Project Cancelled', 'Project Cancelled'),
    (5725767000000020118, 5, 'Shut Down', 'Shut Down');

-- Leads.Interests
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020129, 1, 'Software', 'Software'),
    (5725767000000020129, 2, 'Hardware', 'Hardware'),
    (5725767000000020129, 3, 'Consulting', 'Consulting'),
    (5725767000000020129, 4, 'Training', 'Training'),
    (5725767000000020129, 5, 'Support', 'Support');

-- Leads.Languages_Known
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020137, 1, 'English', 'English'),
    (5725767000000020137, 2, 'German', 'German'),
    (5725767000000020137, 3, 'French', 'French'),
    (5725767000000020137, 4, 'Spanish', 'Spanish'),
    (5725767000000020137, 5, 'Italian', 'Italian'),
    (5725767000000020137, 6, 'Portuguese', 'Portuguese'),
    (5725767000000020137, 7, 'Japanese', 'Japanese'),
    (5725767000000020137, 8, 'Chinese', 'Chinese');

-- Accounts.Account_Type
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020206, 1, 'Analyst', 'Analyst'),
    (5725767000000020206, 2, 'Competitor', 'Competitor'),
    (5725767000000020206, 3, 'Customer', 'Customer'),
    (5725767000000020206, 4, 'Distributor', 'Distributor'),
    (5725767000000020206, 5, 'Integrator', 'Integrator'),
    (5725767000000020206, 6, 'Investor', 'Investor'),
    (5725767000000020206, 7, 'Partner', 'Partner'),
    (5725767000000020206, 8, 'Press', 'Press'),
    (5725767000000020206, 9, 'Prospect', 'Prospect'),
    (5725767000000020206, 10, 'Reseller', 'Reseller'),
    (5725767000000020206, 11, 'Other', 'Other');

-- Accounts.Industry
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020207, 1, 'ASP (Application Service Provider)', 'ASP (Application Service Provider)'),
    (5725767000000020207, 2, 'Data/Telecom OEM', 'Data/Telecom OEM'),
    (5725767000000020207, 3, 'ERP (Enterprise Resource Planning)', 'ERP (Enterprise Resource Planning)'),
    (5725767000000020207, 4, 'Government/Military', 'Government/Military'),
    (5725767000000020207, 5, 'Large Enterprise', 'Large Enterprise'),
    (5725767000000020207, 6, 'ManagementISV', 'ManagementISV'),
    (5725767000000020207, 7, 'MSP (Management Service Provider)', 'MSP (Management Service Provider)'),
    (5725767000000020207, 8, 'Network Equipment Enterprise', 'Network Equipment Enterprise'),
    (5725767000000020207, 9, 'Non-management ISV', 'Non-management ISV'),
    (5725767000000020207, 10, 'Optical Networking', 'Optical Networking'),
    (5725767000000020207, 11, 'Service Provider', 'Service Provider'),
    (5725767000000020207, 12, 'Small/Medium Enterprise', 'Small/Medium Enterprise'),
    (5725767000000020207, 13, 'Storage Equipment', 'Storage Equipment'),
    (5725767000000020207, 14, 'Storage Service Provider', 'Storage Service Provider'),
    (5725767000000020207, 15, 'Systems Integrator', 'Systems Integrator'),
    (5725767000000020207, 16, 'Wireless Industry', 'Wireless Industry'),
    (5725767000000020207, 17, 'Communications', 'Communications'),
    (5725767000000020207, 18, 'Consulting', 'Consulting'),
    (5725767000000020207, 19, 'Education', 'Education'),
    (5725767000000020207, 20, 'Financial Services', 'Financial Services'),
    (5725767000000020207, 21, 'Government', 'Government'),
    (5725767000000020207, 22, 'Manufacturing', 'Manufacturing'),
    (5725767000000020207, 23, 'Retail', 'Retail'),
    (5725767000000020207, 24, 'Technology', 'Technology');

-- Accounts.Ownership
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020210, 1, 'Other', 'Other'),
    (5725767000000020210, 2, 'Private', 'Private'),
    (5725767000000020210, 3, 'Public', 'Public'),
    (5725767000000020210, 4, 'Subsidiary', 'Subsidiary'),
    (5725767000000020210, 5, 'Partnership', 'Partnership'),
    (5725767000000020210, 6, 'Government', 'Government'),
    (5725767000000020210, 7, 'Privately Held', 'Privately Held'),
    (5725767000000020210, 8, 'Public Company', 'Public Company');

-- Accounts.Rating
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020211, 1, 'Acquired', 'Acquired'),
    (5725767000000020211, 2, 'Active', 'Active'),
    (5725767000000020211, 3, 'Market Failed', 'Market Failed'),
    (5725767000000020211, 4, 'Project Cancelled', 'Project Cancelled'),
    (5725767000000020211, 5, 'Shut Down', 'Shut Down');

-- Contacts.Salutation
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020302, 1, 'Mr.', 'Mr.'),
    (5725767000000020302, 2, 'Mrs.', 'Mrs.'),
    (5725767000000020302, 3, 'Ms.', 'Ms.'),
    (5725767000000020302, 4, 'Dr.', 'Dr.'),
    (5725767000000020302, 5, 'Prof.', 'Prof.');

-- Contacts.Lead_Source
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020319, 1, 'Advertisement', 'Advertisement'),
    (5725767000000020319, 2, 'Cold Call', 'Cold Call'),
    (5725767000000020319, 3, 'Employee Referral', 'Employee Referral'),
    (5725767000000020319, 4, 'External Referral', 'External Referral'),
    (5725767000000020319, 5, 'Online Store', 'Online Store'),
    (5725767000000020319, 6, 'Partner', 'Partner'),
    (5725767000000020319, 7, 'Public Relations', 'Public Relations'),
    (5725767000000020319, 8, 'Sales Email Alias', 'Sales Email Alias'),
    (5725767000000020319, 9, 'Seminar Partner', 'Seminar Partner'),
    (5725767000000020319, 10, 'Internal Seminar', 'Internal Seminar'),
    (5725767000000020319, 11, 'Trade Show', 'Trade Show'),
    (5725767000000020319, 12, 'Web Download', 'Web Download'),
    (5725767000000020319, 13, 'Web Research', 'Web Research'),
    (5725767000000020319, 14, 'Chat', 'Chat'),
    (5725767000000020319, 15, 'Facebook', 'Facebook'),
    (5725767000000020319, 16, 'Twitter', 'Twitter');

-- Contacts.Interests
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020336, 1, 'Software', 'Software'),
    (5725767000000020336, 2, 'Hardware', 'Hardware'),
    (5725767000000020336, 3, 'Consulting', 'Consulting'),
    (5725767000000020336, 4, 'Training', 'Training'),
    (5725767000000020336, 5, 'Support', 'Support');

-- Contacts.Preferred_Language
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020337, 1, 'English', 'English'),
    (5725767000000020337, 2, 'German', 'German'),
    (5725767000000020337, 3, 'French', 'French'),
    (5725767000000020337, 4, 'Spanish', 'Spanish'),
    (5725767000000020337, 5, 'Italian', 'Italian'),
    (5725767000000020337, 6, 'Japanese', 'Japanese');

-- Deals.Stage
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020406, 1, 'Qualification', 'Qualification'),
    (5725767000000020406, 2, 'Needs Analysis', 'Needs Analysis'),
    (5725767000000020406, 3, 'Value Proposition', 'Value Proposition'),
    (5725767000000020406, 4, 'Id. Decision Makers', 'Id. Decision Makers'),
    (5725767000000020406, 5, 'Perception Analysis', 'Perception Analysis'),
    (5725767000000020406, 6, 'Proposal/Price Quote', 'Proposal/Price Quote'),
    (5725767000000020406, 7, 'Negotiation/Review', 'Negotiation/Review'),
    (5725767000000020406, 8, 'Closed Won', 'Closed Won'),
    (5725767000000020406, 9, 'Closed Lost', 'Closed Lost');

-- Deals.Type
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020407, 1, 'Existing Business', 'Existing Business'),
    (5725767000000020407, 2, 'New Business', 'New Business');

-- Deals.Lead_Source
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020411, 1, 'Advertisement', 'Advertisement'),
    (5725767000000020411, 2, 'Cold Call', 'Cold Call'),
    (5725767000000020411, 3, 'Employee Referral', 'Employee Referral'),
    (5725767000000020411, 4, 'External Referral', 'External Referral'),
    (5725767000000020411, 5, 'Online Store', 'Online Store'),
    (5725767000000020411, 6, 'Partner', 'Partner'),
    (5725767000000020411, 7, 'Public Relations', 'Public Relations'),
    (5725767000000020411, 8, 'Sales Email Alias', 'Sales Email Alias'),
    (5725767000000020411, 9, 'Seminar Partner', 'Seminar Partner'),
    (5725767000000020411, 10, 'Internal Seminar', 'Internal Seminar'),
    (5725767000000020411, 11, 'Trade Show', 'Trade Show'),
    (5725767000000020411, 12, 'Web Download', 'Web Download'),
    (5725767000000020411, 13, 'Web Research', 'Web Research'),
    (5725767000000020411, 14, 'Chat', 'Chat'),
    (5725767000000020411, 15, 'Facebook', 'Facebook'),
    (5725767000000020411, 16, 'Twitter', 'Twitter');

-- Campaigns.Type
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020503, 1, 'Advertisement', 'Advertisement'),
    (5725767000000020503, 2, 'Banner Ads', 'Banner Ads'),
    (5725767000000020503, 3, 'Conference', 'Conference'),
    (5725767000000020503, 4, 'Direct mail', 'Direct mail'),
    (5725767000000020503, 5, 'Email', 'Email'),
    (5725767000000020503, 6, 'Partner', 'Partner'),
    (5725767000000020503, 7, 'Public Relations', 'Public Relations'),
    (5725767000000020503, 8, 'Referral Program', 'Referral Program'),
    (5725767000000020503, 9, 'Telemarketing', 'Telemarketing'),
    (5725767000000020503, 10, 'Trade Show', 'Trade Show'),
    (5725767000000020503, 11, 'Webinar', 'Webinar'),
    (5725767000000020503, 12, 'Others', 'Others');

-- Campaigns.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020504, 1, 'Planning', 'Planning'),
    (5725767000000020504, 2, 'Active', 'Active'),
    (5725767000000020504, 3, 'Inactive', 'Inactive'),
    (5725767000000020504, 4, 'Complete', 'Complete');

-- Tasks.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020605, 1, 'Not Started', 'Not Started'),
    (5725767000000020605, 2, 'Deferred', 'Deferred'),
    (5725767000000020605, 3, 'In Progress', 'In Progress'),
    (5725767000000020605, 4, 'Completed', 'Completed'),
    (5725767000000020605, 5, 'Waiting for input', 'Waiting for input');

-- Tasks.Priority
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020606, 1, 'High', 'High'),
    (5725767000000020606, 2, 'Highest', 'Highest'),
    (5725767000000020606, 3, 'Low', 'Low'),
    (5725767000000020606, 4, 'Lowest', 'Lowest'),
    (5725767000000020606, 5, 'Normal', 'Normal');

-- Calls.Call_Type
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020703, 1, 'Outbound', 'Outbound'),
    (5725767000000020703, 2, 'Inbound', 'Inbound'),
    (5725767000000020703, 3, 'Missed', 'Missed');

-- Calls.Call_Purpose
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020704, 1, 'Prospecting', 'Prospecting'),
    (5725767000000020704, 2, 'Administrative', 'Administrative'),
    (5725767000000020704, 3, 'Negotiation', 'Negotiation'),
    (5725767000000020704, 4, 'Demo', 'Demo'),
    (5725767000000020704, 5, 'Project', 'Project'),
    (5725767000000020704, 6, 'Desk', 'Desk');

-- Calls.Call_Result
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020709, 1, 'Interested', 'Interested'),
    (5725767000000020709, 2, 'Not interested', 'Not interested'),
    (5725767000000020709, 3, 'No response', 'No response'),
    (5725767000000020709, 4, 'Busy', 'Busy'),
    (5725767000000020709, 5, 'Requested more info', 'Requested more info'),
    (5725767000000020709, 6, 'Requested call back', 'Requested call back'),
    (5725767000000020709, 7, 'Invalid number', 'Invalid number');

-- Solutions.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000020905, 1, 'Draft', 'Draft'),
    (5725767000000020905, 2, 'Reviewed', 'Reviewed'),
    (5725767000000020905, 3, 'Duplicate', 'Duplicate');

-- Products.Manufacturer
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021006, 1, 'AltvetPet Inc.', 'AltvetPet Inc.'),
    (5725767000000021006, 2, 'LexPon Inc.', 'LexPon Inc.'),
    (5725767000000021006, 3, 'MetBeat Corp.', 'MetBeat Corp.');

-- Products.Product_Category
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021007, 1, 'Hardware', 'Hardware'),
    (5725767000000021007, 2, 'Software', 'Software'),
    (5725767000000021007, 3, 'CRM Applications', 'CRM Applications');

-- Products.Tax
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021014, 1, 'Sales Tax', 'Sales Tax'),
    (5725767000000021014, 2, 'Vat', 'Vat'),
    (5725767000000021014, 3, 'Service Tax', 'Service Tax');

-- Products.Usage_Unit
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021016, 1, 'Box', 'Box'),
    (5725767000000021016, 2, 'Carton', 'Carton'),
    (5725767000000021016, 3, 'Dozen', 'Dozen'),
    (5725767000000021016, 4, 'Each', 'Each'),
    (5725767000000021016, 5, 'Hour(s)', 'Hour(s)'),
    (5725767000000021016, 6, 'Impressions', 'Impressions'),
    (5725767000000021016, 7, 'Lb', 'Lb'),
    (5725767000000021016, 8, 'M', 'M'),
    (5725767000000021016, 9, 'Pack', 'Pack'),
    (5725767000000021016, 10, 'Pages', 'Pages'),
    (5725767000000021016, 11, 'Pieces', 'Pieces'),
    (5725767000000021016, 12, 'Quantity', 'Quantity'),
    (5725767000000021016, 13, 'Reams', 'Reams'),
    (5725767000000021016, 14, 'Sheet', 'Sheet'),
    (5725767000000021016, 15, 'Spiral Binder', 'Spiral Binder'),
    (5725767000000021016, 16, 'Sq Ft', 'Sq Ft');

-- Vendors.GL_Account
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021106, 1, 'Sales-Software', 'Sales-Software'),
    (5725767000000021106, 2, 'Sales-Hardware', 'Sales-Hardware'),
    (5725767000000021106, 3, 'Rental-Income', 'Rental-Income'),
    (5725767000000021106, 4, 'Interest-Income', 'Interest-Income'),
    (5725767000000021106, 5, 'Sales Software Support', 'Sales Software Support'),
    (5725767000000021106, 6, 'Sales Other', 'Sales Other'),
    (5725767000000021106, 7, 'Interest Sales', 'Interest Sales'),
    (5725767000000021106, 8, 'Freight-Hardware', 'Freight-Hardware');

-- Price_Books.Pricing_Model
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021204, 1, 'Flat', 'Flat'),
    (5725767000000021204, 2, 'Differential', 'Differential');

-- Quotes.Quote_Stage
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021303, 1, 'Draft', 'Draft'),
    (5725767000000021303, 2, 'Negotiation', 'Negotiation'),
    (5725767000000021303, 3, 'Delivered', 'Delivered'),
    (5725767000000021303, 4, 'On Hold', 'On Hold'),
    (5725767000000021303, 5, 'Confirmed', 'Confirmed'),
    (5725767000000021303, 6, 'Closed Won', 'Closed Won'),
    (5725767000000021303, 7, 'Closed Lost', 'Closed Lost');

-- Quotes.Carrier
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021309, 1, 'FedEX', 'FedEX'),
    (5725767000000021309, 2, 'UPS', 'UPS'),
    (5725767000000021309, 3, 'USPS', 'USPS'),
    (5725767000000021309, 4, 'DHL', 'DHL'),
    (5725767000000021309, 5, 'BlueDart', 'BlueDart');

-- Sales_Orders.Carrier
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021412, 1, 'FedEX', 'FedEX'),
    (5725767000000021412, 2, 'UPS', 'UPS'),
    (5725767000000021412, 3, 'USPS', 'USPS'),
    (5725767000000021412, 4, 'DHL', 'DHL'),
    (5725767000000021412, 5, 'BlueDart', 'BlueDart');

-- Sales_Orders.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021415, 1, 'Created', 'Created'),
    (5725767000000021415, 2, 'Approved', 'Approved'),
    (5725767000000021415, 3, 'Delivered', 'Delivered'),
    (5725767000000021415, 4, 'Cancelled', 'Cancelled');

-- Purchase_Orders.Carrier
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021510, 1, 'FedEX', 'FedEX'),
    (5725767000000021510, 2, 'UPS', 'UPS'),
    (5725767000000021510, 3, 'USPS', 'USPS'),
    (5725767000000021510, 4, 'DHL', 'DHL'),
    (5725767000000021510, 5, 'BlueDart', 'BlueDart');

-- Purchase_Orders.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021513, 1, 'Created', 'Created'),
    (5725767000000021513, 2, 'Approved', 'Approved'),
    (5725767000000021513, 3, 'Delivered', 'Delivered'),
    (5725767000000021513, 4, 'Cancelled', 'Cancelled');

-- Invoices.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021613, 1, 'Created', 'Created'),
    (5725767000000021613, 2, 'Approved', 'Approved'),
    (5725767000000021613, 3, 'Delivered', 'Delivered'),
    (5725767000000021613, 4, 'Cancelled', 'Cancelled');

-- Projects.Status
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021703, 1, 'Not Started', 'Not Started'),
    (5725767000000021703, 2, 'In Progress', 'In Progress'),
    (5725767000000021703, 3, 'On Hold', 'On Hold'),
    (5725767000000021703, 4, 'Completed', 'Completed'),
    (5725767000000021703, 5, 'Cancelled', 'Cancelled');

-- Projects.Categories
INSERT INTO picklist_values (field_id, sequence_number, actual_value, display_value) VALUES
    (5725767000000021707, 1, 'Implementation', 'Implementation'),
    (5725767000000021707, 2, 'Migration', 'Migration'),
    (5725767000000021707, 3, 'Integration', 'Integration'),
    (5725767000000021707, 4, 'Training', 'Training'),
    (5725767000000021707, 5, 'Support', 'Support'),
    (5725767000000021707, 6, 'Internal', 'Internal');

-- Administrator may do everything anyway; its rows say so explicitly.
-- Standard: view and edit everywhere, mass update in Leads, Accounts, Contacts and Projects (not Deals);
--   Leads.Annual_Revenue is read-only.
-- Sales Rep: only own/territory records of Leads, Contacts and Deals; mass update in Leads only;
--   Leads.Annual_Revenue and Leads.Rating are read-only.
INSERT INTO profile_modules (profile_id, module_id, can_view, can_edit, can_mass_update, record_access) VALUES
    (5725767000000000201, 5725767000000010001, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010002, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010003, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010004, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010005, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010006, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010007, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010008, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010009, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010010, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010011, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010012, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010013, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010014, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010015, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010016, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000201, 5725767000000010017, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000202, 5725767000000010001, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000202, 5725767000000010002, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000202, 5725767000000010003, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000202, 5725767000000010004, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010005, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010006, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010007, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010008, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010009, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010010, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010011, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010012, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010013, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010014, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010015, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010016, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000202, 5725767000000010017, TRUE, TRUE, TRUE, 'all'),
    (5725767000000000203, 5725767000000010001, TRUE, TRUE, TRUE, 'owned'),
    (5725767000000000203, 5725767000000010002, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010003, TRUE, TRUE, FALSE, 'owned'),
    (5725767000000000203, 5725767000000010004, TRUE, TRUE, FALSE, 'owned'),
    (5725767000000000203, 5725767000000010005, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010006, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010007, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010008, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010009, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010010, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010011, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010012, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010013, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010014, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010015, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010016, TRUE, TRUE, FALSE, 'all'),
    (5725767000000000203, 5725767000000010017, TRUE, TRUE, FALSE, 'all');

INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES
    (5725767000000000202, 5725767000000020117, 'read_only'),
    (5725767000000000203, 5725767000000020117, 'read_only'),
    (5725767000000000203, 5725767000000020118, 'read_only');