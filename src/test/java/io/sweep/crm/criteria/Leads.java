package io.sweep.crm.criteria;

import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.PicklistValue;
import java.util.List;

/** A Leads module with one field of every type family criteria care about. */
final class Leads {
    static final long MODULE_ID = 5725767000000002175L;

    static final Field LAST_NAME = field(1, "Last_Name", "last_name", DataType.TEXT);
    static final Field EMAIL = field(2, "Email", "email", DataType.EMAIL);
    static final Field LEAD_STATUS = new Field(
            5725767000000002603L, MODULE_ID, "Lead_Status", "Lead Status", "lead_status", DataType.PICKLIST,
            120, null, false, false, false, true, true, null, 3,
            List.of(new PicklistValue("Contacted", "Contacted", 1),
                    new PicklistValue("Not Contacted", "Not Contacted", 2),
                    new PicklistValue("Attempted to Contact", "Attempted to Contact", 3)));
    static final Field INTERESTS = field(4, "Interests", "interests", DataType.MULTISELECTPICKLIST);
    static final Field EMPLOYEES = field(5, "No_of_Employees", "employees", DataType.INTEGER);
    static final Field VISITS = field(6, "Visits", "visits", DataType.BIGINT);
    static final Field SCORE = field(7, "Score", "score", DataType.DOUBLE);
    static final Field PROBABILITY = field(8, "Probability", "probability", DataType.PERCENT);
    static final Field ANNUAL_REVENUE = field(9, "Annual_Revenue", "annual_revenue", DataType.CURRENCY);
    static final Field BUDGET = field(10, "Budget", "budget", DataType.DECIMAL);
    static final Field EMAIL_OPT_OUT = field(11, "Email_Opt_Out", "email_opt_out", DataType.BOOLEAN);
    static final Field BIRTH_DATE = field(12, "Birth_Date", "birth_date", DataType.DATE);
    static final Field LAST_ACTIVITY = field(13, "Last_Activity_Time", "last_activity_time", DataType.DATETIME);
    static final Field OWNER = field(14, "Owner", "owner_id", DataType.OWNERLOOKUP);
    static final Field ACCOUNT = field(15, "Account_Name", "account_id", DataType.LOOKUP);

    static final Module MODULE = new Module(
            MODULE_ID, "Leads", "Leads", "Lead", "Leads", "leads", false, 1,
            List.of(LAST_NAME, EMAIL, LEAD_STATUS, INTERESTS, EMPLOYEES, VISITS, SCORE, PROBABILITY,
                    ANNUAL_REVENUE, BUDGET, EMAIL_OPT_OUT, BIRTH_DATE, LAST_ACTIVITY, OWNER, ACCOUNT));

    private Leads() {}

    private static Field field(int n, String apiName, String column, DataType type) {
        return new Field(5725767000000002600L + n, MODULE_ID, apiName, apiName.replace('_', ' '), column, type,
                255, null, false, false, false, true, true, null, n, List.of());
    }
}
