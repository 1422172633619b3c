'use strict';
/*
 * Drives a Sweep server with the official Zoho CRM Node SDK (@zohocrm/nodejs-sdk-2.0), unmodified,
 * the way an integration written against Zoho would. Each step prints one line, "ok <step>" or
 * "FAIL <step>: <reason>"; the exit code is 0 only when every step passed.
 *
 * Environment:
 *   SWEEP_URL              the server, e.g. http://localhost:7070 (the SDK appends /crm/v2/...)
 *   SWEEP_TOKEN            an access token issued by Sweep
 *   SWEEP_USER_EMAIL       the token's user (the SDK keys its caches by it; CurrentUser must be them)
 *   SWEEP_COMPANY          a company name no other record has: the leads this run creates carry it
 *   SWEEP_CVID             a Leads view selecting exactly the leads of SWEEP_COMPANY, shared with a user
 *   SWEEP_BLUEPRINT_DEAL   the id of a deal held by the blueprint that drives Stage
 *   SWEEP_SDK_WORK_DIR     a writable folder for the SDK's field cache and log (default: a temp folder)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const sdk = '@zohocrm/nodejs-sdk-2.0';
const { InitializeBuilder } = require(`${sdk}/routes/initialize_builder`);
const { Initializer } = require(`${sdk}/routes/initializer`);
const { UserSignature } = require(`${sdk}/routes/user_signature`);
const { DataCenter } = require(`${sdk}/routes/dc/data_center`);
const { OAuthBuilder } = require(`${sdk}/models/authenticator/oauth_builder`);
const { TokenStore } = require(`${sdk}/models/authenticator/store/token_store`);
const { SDKConfigBuilder } = require(`${sdk}/routes/sdk_config_builder`);
const { LogBuilder } = require(`${sdk}/routes/logger/log_builder`);
const { Levels } = require(`${sdk}/routes/logger/logger`);
const { ParameterMap } = require(`${sdk}/routes/parameter_map`);
const { RecordOperations, GetRecordsParam, GetMassUpdateStatusParam } = require(`${sdk}/core/com/zoho/crm/api/record/record_operations`);
const ZRecord = require(`${sdk}/core/com/zoho/crm/api/record/record`).MasterModel;
const RecordBodyWrapper = require(`${sdk}/core/com/zoho/crm/api/record/body_wrapper`).MasterModel;
const RecordResponseWrapper = require(`${sdk}/core/com/zoho/crm/api/record/response_wrapper`).MasterModel;
const RecordActionWrapper = require(`${sdk}/core/com/zoho/crm/api/record/action_wrapper`).MasterModel;
const RecordSuccess = require(`${sdk}/core/com/zoho/crm/api/record/success_response`).MasterModel;
const RecordApiException = require(`${sdk}/core/com/zoho/crm/api/record/api_exception`).MasterModel;
const MassUpdateBodyWrapper = require(`${sdk}/core/com/zoho/crm/api/record/mass_update_body_wrapper`).MasterModel;
const MassUpdateActionWrapper = require(`${sdk}/core/com/zoho/crm/api/record/mass_update_action_wrapper`).MasterModel;
const MassUpdateSuccess = require(`${sdk}/core/com/zoho/crm/api/record/mass_update_success_response`).MasterModel;
const MassUpdateResponseWrapper = require(`${sdk}/core/com/zoho/crm/api/record/mass_update_response_wrapper`).MasterModel;
const MassUpdate = require(`${sdk}/core/com/zoho/crm/api/record/mass_update`).MasterModel;
const { FieldsOperations } = require(`${sdk}/core/com/zoho/crm/api/fields/fields_operations`);
const FieldsResponseWrapper = require(`${sdk}/core/com/zoho/crm/api/fields/response_wrapper`).MasterModel;
const { CustomViewsOperations } = require(`${sdk}/core/com/zoho/crm/api/custom_views/custom_views_operations`);
const CustomViewsResponseWrapper = require(`${sdk}/core/com/zoho/crm/api/custom_views/response_wrapper`).MasterModel;
const { UsersOperations, GetUsersParam } = require(`${sdk}/core/com/zoho/crm/api/users/users_operations`);
const User = require(`${sdk}/core/com/zoho/crm/api/users/user`).MasterModel;
const UsersResponseWrapper = require(`${sdk}/core/com/zoho/crm/api/users/response_wrapper`).MasterModel;
const Choice = require(`${sdk}/utils/util/choice`).MasterModel;

/**
 * The SDK keeps its tokens in a store; a Zoho integration normally refreshes through
 * accounts.zoho.com. Sweep issues long-lived access tokens itself, so the token is handed over
 * ready: an OAuthToken built with only an access token is used as it is, and this store (which
 * the SDK consults only for tokens without one) never holds anything.
 */
class NoTokenStore extends TokenStore {
    async getToken() { return null; }
    async getTokenById() { return null; }
    async saveToken() {}
    async deleteToken() {}
    async getTokens() { return []; }
    async deleteTokens() {}
}

class StepFailure extends Error {}

function env(name) {
    const value = process.env[name];
    if (!value) throw new StepFailure(`environment variable ${name} is not set`);
    return value;
}

function check(condition, reason) {
    if (!condition) throw new StepFailure(reason);
}

/** The SDK's Choice values (code, status, message) and plain values alike, as text. */
function text(value) {
    return value instanceof Choice ? String(value.getValue()) : String(value);
}

/** What an SDK response carried, for a failure message: the HTTP status and the object it made. */
function describe(response) {
    if (!response) return 'no response';
    const object = response.getObject();
    let shown;
    try {
        shown = JSON.stringify(object, (k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v));
    } catch (e) {
        shown = String(object);
    }
    return `HTTP ${response.getStatusCode()} ${object ? object.constructor.name : ''} ${shown}`.slice(0, 800);
}

function expectObject(response, type) {
    check(response != null, 'the SDK returned no response');
    const object = response.getObject();
    check(object instanceof type, `expected ${type.name}, got ${describe(response)}`);
    return object;
}

async function initialize() {
    const workDir = process.env.SWEEP_SDK_WORK_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-sdk-'));
    fs.mkdirSync(workDir, { recursive: true });
    // Zoho's data centres are Environments built from a base URL; Sweep is one more.
    const environment = DataCenter.setEnvironment(env('SWEEP_URL'), `${env('SWEEP_URL')}/oauth/v2/token`, env('SWEEP_URL'), 'sweep');
    const token = new OAuthBuilder().accessToken(env('SWEEP_TOKEN')).build();
    const logger = new LogBuilder().level(process.env.SWEEP_SDK_LOG_LEVEL || Levels.INFO)
        .filePath(path.join(workDir, 'sdk.log')).build();
    (await new InitializeBuilder())
        .user(new UserSignature(env('SWEEP_USER_EMAIL')))
        .environment(environment)
        .token(token)
        .store(new NoTokenStore())
        .SDKConfig(new SDKConfigBuilder().autoRefreshFields(false).pickListValidation(true).build())
        .resourcePath(workDir)
        .logger(logger)
        .initialize();
    // InitializeBuilder.initialize() starts the SDK's asynchronous set-up without returning it:
    // a call made at once can meet "SDK UNINITIALIZED". Wait until the set-up is done.
    for (let tries = 0; (await Initializer.getInitializer()) == null; tries++) {
        if (tries > 100) throw new StepFailure('the SDK did not finish initializing');
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** The leads this run creates, through the SDK: filled by the create_records step. */
const created = [];

const steps = {
    async records() {
        const params = new ParameterMap();
        await params.add(GetRecordsParam.PAGE, 1);
        await params.add(GetRecordsParam.PER_PAGE, 5);
        const response = await new RecordOperations().getRecords('Leads', params);
        const wrapper = expectObject(response, RecordResponseWrapper);
        const records = wrapper.getData();
        check(records.length === 5, `expected 5 leads, got ${records.length}`);
        for (const record of records) {
            check(typeof record.getId() === 'bigint', `a lead's id is not a Long: ${record.getId()}`);
            check(record.getKeyValue('Last_Name'), `lead ${record.getId()} has no Last_Name`);
            check(record.getCreatedTime() instanceof Date, `lead ${record.getId()} has no Created_Time date`);
            const owner = record.getKeyValue('Owner');
            check(owner && typeof owner.getId() === 'bigint', `lead ${record.getId()} has no Owner user`);
        }
        check(wrapper.getInfo() && wrapper.getInfo().getMoreRecords() === true, 'info.more_records is not true on page 1 of the demo leads');
    },

    async fields() {
        const response = await new FieldsOperations('Contacts').getFields();
        const fields = expectObject(response, FieldsResponseWrapper).getFields();
        const account = fields.find(f => f.getAPIName() === 'Account_Name');
        check(account, 'Contacts has no Account_Name field');
        check(text(account.getDataType()) === 'lookup', `Account_Name is ${text(account.getDataType())}, not lookup`);
        const lookup = account.getLookup();
        check(lookup, 'Account_Name has no lookup');
        // The SDK reads lookup.module as the looked-up module's api_name (a String) and asks for
        // that module's fields by it when it converts records.
        check(lookup.getModule() === 'Accounts', `Account_Name's lookup.module is ${JSON.stringify(lookup.getModule())}, not Accounts`);
        check(lookup.getAPIName() === 'Account_Name', `Account_Name's lookup.api_name is ${lookup.getAPIName()}`);
        const status = (await new FieldsOperations('Leads').getFields());
        const leadStatus = expectObject(status, FieldsResponseWrapper).getFields().find(f => f.getAPIName() === 'Lead_Status');
        check(leadStatus && leadStatus.getPickListValues().some(v => v.getActualValue() === 'Contacted'),
            'Leads.Lead_Status has no picklist value Contacted');
    },

    async custom_views() {
        const response = await new CustomViewsOperations('Leads').getCustomViews();
        const views = expectObject(response, CustomViewsResponseWrapper).getCustomViews();
        const cvid = env('SWEEP_CVID');
        const listed = views.find(v => String(v.getId()) === cvid);
        check(listed, `view ${cvid} is not in the list of ${views.length} views`);
        const one = await new CustomViewsOperations('Leads').getCustomView(BigInt(cvid));
        const view = expectObject(one, CustomViewsResponseWrapper).getCustomViews()[0];
        check(String(view.getId()) === cvid, `getCustomView answered view ${view.getId()}`);
        const criteria = view.getCriteria();
        check(criteria, 'the view has no criteria');
        check(text(criteria.getComparator()) === 'equal', `criteria comparator is ${text(criteria.getComparator())}`);
        check(criteria.getField() === 'Company', `criteria field is ${JSON.stringify(criteria.getField())}`);
        check(criteria.getValue() === env('SWEEP_COMPANY'), `criteria value is ${JSON.stringify(criteria.getValue())}`);
        const shared = view.getSharedDetails();
        check(Array.isArray(shared) && shared.length === 1, `shared_details is ${JSON.stringify(shared, (k, v) => typeof v === 'bigint' ? String(v) : v)}`);
        check(shared[0].getType() === 'user' && typeof shared[0].getId() === 'bigint' && shared[0].getName(),
            'shared_details[0] is not a user with an id and a name');
    },

    async current_user() {
        const params = new ParameterMap();
        await params.add(GetUsersParam.TYPE, 'CurrentUser');
        const response = await new UsersOperations().getUsers(params);
        const users = expectObject(response, UsersResponseWrapper).getUsers();
        check(users.length === 1, `CurrentUser listed ${users.length} users`);
        check(users[0].getEmail() === env('SWEEP_USER_EMAIL'), `CurrentUser is ${users[0].getEmail()}`);
        check(typeof users[0].getId() === 'bigint', 'the current user has no Long id');
    },

    async create_records() {
        const body = new RecordBodyWrapper();
        const records = [];
        for (let i = 0; i < 3; i++) {
            const record = new ZRecord();
            record.addKeyValue('Last_Name', `SDK ${i}`);
            record.addKeyValue('Company', env('SWEEP_COMPANY'));
            record.addKeyValue('Lead_Status', new Choice('Not Contacted'));
            records.push(record);
        }
        body.setData(records);
        const response = await new RecordOperations().createRecords('Leads', body);
        const results = expectObject(response, RecordActionWrapper).getData();
        check(results.length === 3, `expected 3 results, got ${results.length}`);
        for (const result of results) {
            check(result instanceof RecordSuccess, `a lead was not created: ${describe(response)}`);
            // Mass update takes ids as strings: the SDK writes the list as it is, and JSON has no BigInt.
            created.push(String(result.getDetails().get('id')));
        }
    },

    async mass_update_ids() {
        check(created.length === 3, 'create_records made no leads');
        const body = massUpdateBody('Lead_Status', new Choice('Contacted'));
        body.setIds(created);
        const response = await new RecordOperations().massUpdateRecords('Leads', body);
        check(response.getStatusCode() === 200, `HTTP ${response.getStatusCode()}: ${describe(response)}`);
        const results = expectObject(response, MassUpdateActionWrapper).getData();
        check(results.length === created.length, `expected ${created.length} results, got ${results.length}`);
        results.forEach((result, i) => {
            check(result instanceof MassUpdateSuccess, `entry ${i} is not a success: ${describe(response)}`);
            check(text(result.getCode()) === 'SUCCESS', `entry ${i} code ${text(result.getCode())}`);
            const details = result.getDetails();
            check(String(details.get('id')) === String(created[i]), `entry ${i} is for id ${details.get('id')}`);
            check(details.get('Modified_Time') instanceof Date && !isNaN(details.get('Modified_Time')), `entry ${i} Modified_Time is not a date`);
            check(details.get('Modified_By') instanceof User && typeof details.get('Modified_By').getId() === 'bigint',
                `entry ${i} Modified_By is not a user`);
        });
        const read = await new RecordOperations().getRecord(BigInt(created[0]), 'Leads');
        const lead = expectObject(read, RecordResponseWrapper).getData()[0];
        check(text(lead.getKeyValue('Lead_Status')) === 'Contacted', `the lead's status is ${text(lead.getKeyValue('Lead_Status'))} after the update`);
    },

    async mass_update_cvid() {
        const body = massUpdateBody('Rating', new Choice('Active'));
        body.setCvid(env('SWEEP_CVID'));
        const response = await new RecordOperations().massUpdateRecords('Leads', body);
        const results = expectObject(response, MassUpdateActionWrapper).getData();
        check(results.length === 1 && results[0] instanceof MassUpdateSuccess, `not scheduled: ${describe(response)}`);
        check(text(results[0].getMessage()) === 'mass update scheduled successfully', `message ${text(results[0].getMessage())}`);
        const jobId = results[0].getDetails().get('job_id');
        check(jobId, 'no job_id in the details');
        const deadline = Date.now() + 120000;
        let status;
        for (;;) {
            const params = new ParameterMap();
            await params.add(GetMassUpdateStatusParam.JOB_ID, String(jobId));
            const read = await new RecordOperations().getMassUpdateStatus('Leads', params);
            status = expectObject(read, MassUpdateResponseWrapper).getData()[0];
            check(status instanceof MassUpdate, `the status is not a MassUpdate: ${describe(read)}`);
            check(status.getUpdatedCount() + status.getFailedCount() + status.getNotUpdatedCount() === status.getTotalCount(),
                `counts do not add up: ${describe(read)}`);
            const state = text(status.getStatus());
            if (state === 'COMPLETED') break;
            check(state === 'SCHEDULED' || state === 'RUNNING', `the job is ${state}`);
            check(Date.now() < deadline, `the job is still ${state} after two minutes`);
            await new Promise(resolve => setTimeout(resolve, 200));
        }
        check(status.getTotalCount() === created.length && status.getUpdatedCount() === created.length,
            `expected ${created.length} updated, got ${status.getUpdatedCount()} of ${status.getTotalCount()}`);
    },

    async field_error() {
        check(created.length > 0, 'create_records made no leads');
        const body = massUpdateBody('No_Such_Field', 'x');
        body.setIds([created[0]]);
        const response = await new RecordOperations().massUpdateRecords('Leads', body);
        check(response.getStatusCode() === 400, `HTTP ${response.getStatusCode()}: ${describe(response)}`);
        const entry = firstEntry(response);
        check(entry instanceof RecordApiException, `expected an APIException: ${describe(response)}`);
        check(text(entry.getCode()) === 'INVALID_DATA', `code ${text(entry.getCode())}`);
        check(entry.getDetails().get('api_name') === 'No_Such_Field', `details ${describe(response)}`);
    },

    async blueprint() {
        const body = massUpdateBody('Stage', new Choice('Negotiation/Review'));
        body.setIds([env('SWEEP_BLUEPRINT_DEAL')]);
        const response = await new RecordOperations().massUpdateRecords('Deals', body);
        check(response.getStatusCode() === 200, `HTTP ${response.getStatusCode()}: ${describe(response)}`);
        const entry = firstEntry(response);
        check(entry instanceof RecordApiException, `expected an APIException: ${describe(response)}`);
        check(text(entry.getCode()) === 'RECORD_IN_BLUEPRINT', `code ${text(entry.getCode())}`);
        check(String(entry.getDetails().get('id')) === env('SWEEP_BLUEPRINT_DEAL'), `details ${describe(response)}`);
    },

    // change_owner: this SDK (v2) has no operation for POST /{module}/actions/change_owner (Zoho's
    // later SDKs do), so it is exercised by ChangeOwnerContract over HTTP instead.
};

function massUpdateBody(field, value) {
    const record = new ZRecord();
    record.addKeyValue(field, value);
    const body = new MassUpdateBodyWrapper();
    body.setData([record]);
    return body;
}

/** The first entry of a mass update answer, whichever wrapper the SDK chose for it. */
function firstEntry(response) {
    const object = response.getObject();
    check(object != null, `the SDK made nothing of the answer: HTTP ${response.getStatusCode()}`);
    if (typeof object.getData === 'function') return object.getData()[0];
    return object;
}

async function main() {
    try {
        await initialize();
    } catch (error) {
        console.log(`FAIL initialize: ${reason(error)}`);
        return 1;
    }
    const only = process.env.SWEEP_SDK_STEPS ? process.env.SWEEP_SDK_STEPS.split(',') : null;
    let failures = 0;
    for (const [name, step] of Object.entries(steps)) {
        if (only && !only.includes(name)) continue;
        try {
            await step();
            console.log(`ok ${name}`);
        } catch (error) {
            failures++;
            console.log(`FAIL ${name}: ${reason(error)}`);
        }
    }
    return failures === 0 ? 0 : 1;
}

function reason(error) {
    if (error instanceof StepFailure) return error.message;
    // The SDK's own exceptions carry code, message and details and wrap the cause.
    const parts = [error && error.constructor ? error.constructor.name : 'error'];
    for (const key of ['code', 'message', 'details', 'cause']) {
        if (error && error[key]) parts.push(`${key}=${typeof error[key] === 'object' ? JSON.stringify(error[key], (k, v) => typeof v === 'bigint' ? String(v) : v) : error[key]}`);
    }
    if (error && error.stack && !(error.code)) parts.push(error.stack.split('\n').slice(0, 3).join(' | '));
    return parts.join(' ').replace(/\s+/g, ' ').slice(0, 1000);
}

main().then(code => process.exit(code), error => {
    console.log(`FAIL run: ${reason(error)}`);
    process.exit(1);
});
