// @vitest-environment node
/**
 * Every standard Salesforce and HubSpot field API name keeps its kind, whether
 * the explicit table (lib/detect/crm-api-names.ts) or the field vocabulary
 * decides it: the table only holds the names the vocabulary would misread.
 */
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../lib/detect/classify-field';
import type { Kind } from '../../lib/detect/kinds';

const STANDARD: readonly [Kind | null, string][] = [
  ['name', 'Name|FirstName|LastName|MiddleName|Suffix|Salutation|AssistantName|InformalName|SuppliedName|firstname|lastname|salutation'],
  ['email', 'Email|SuppliedEmail|ContactEmail|email|hs_additional_emails|work_email'],
  ['phone', 'Phone|MobilePhone|HomePhone|OtherPhone|AssistantPhone|Fax|SuppliedPhone|ContactPhone|ContactMobile|ContactFax|phone|mobilephone|fax|hs_whatsapp_phone_number|hs_calculated_phone_number|hs_calculated_mobile_number|hs_searchable_calculated_phone_number'],
  ['address', 'MailingStreet|MailingCity|MailingState|MailingPostalCode|MailingAddress|OtherStreet|OtherCity|OtherState|OtherPostalCode|OtherAddress|Street|City|State|PostalCode|Address|BillingStreet|BillingCity|BillingState|BillingPostalCode|BillingAddress|ShippingStreet|ShippingCity|ShippingState|ShippingPostalCode|ShippingAddress|address|city|state|zip|hs_state_code'],
  [null, 'MailingCountry|OtherCountry|Country|Title|Department|AccountId|ReportsToId|OwnerId|LeadSource|Description|Company|Industry|AnnualRevenue|NumberOfEmployees|Status|Rating|Website|HasOptedOutOfEmail|HasOptedOutOfFax|DoNotCall|EmailBouncedReason|EmailBouncedDate|IsConverted|ConvertedAccountId|ConvertedContactId|CreatedDate|LastModifiedDate|LastActivityDate|CreatedById|LastModifiedById|RecordTypeId|Id|AccountNumber|Site|Type|ParentId|Sic|TickerSymbol|Ownership|BillingCountry|ShippingCountry|CloseDate|StageName|Amount|Probability|ForecastCategoryName|NextStep|ExpectedRevenue|IsWon|IsClosed|CaseNumber|Subject|Priority|Origin|Reason|SuppliedCompany|ContactId|EmployeeNumber|FiscalQuarter|FiscalYear|TotalOpportunityQuantity|CampaignId|Pricebook2Id|HasOpportunityLineItem|Jigsaw|CleanStatus|YearStarted|NaicsCode|Tradestyle|PhotoUrl|IndividualId|MasterRecordId|Languages__c|Level__c|country|linkedinbio|hs_ip_timezone|ip_country|jobtitle|company|website|industry|lifecyclestage|hs_lead_status|hubspot_owner_id|createdate|lastmodifieddate|notes_last_contacted|hs_email_optout|hs_language|marital_status|degree|field_of_study|school|job_function|seniority|annualrevenue|numemployees|hs_persona|message|associatedcompanyid|name|domain|numberofemployees|description|phone_company|about_us|founded_year|type|dealname|amount|closedate|dealstage|pipeline|dealtype|hs_priority|subject|content|hs_pipeline_stage|hs_ticket_priority|hs_ticket_category|source_type|hs_object_id|hs_analytics_source|hs_email_domain|relationship_status|military_status|hs_buying_role|graduation_date|start_date|notes_last_updated|hs_timezone|hs_deal_stage_probability|hs_forecast_amount'],
  ['location', 'MailingLatitude|MailingLongitude|Latitude|Longitude|ip_city|ip_state|ip_zipcode|hs_latitude|hs_longitude'],
  ['birthdate', 'Birthdate|date_of_birth'],
  ['gender', 'GenderIdentity|Pronouns|gender'],
  ['online_id', 'Username|Alias|CommunityNickname|FederationIdentifier|twitterhandle|hs_linkedin_url'],
];

const cases = STANDARD.flatMap(([kind, names]) => names.split('|').map((name) => [name, kind] as const));

describe('standard CRM field API names', () => {
  it.each(cases)('%s → %s', (apiName, kind) => {
    const v = classifyField({ apiName, label: 'Custom 1' });
    expect(v.kind).toBe(kind);
    // Decided by the API name itself, not by the meaningless label.
    expect(v.reasonCode).toBe('api-name');
  });

  it('reads Person Account fields without their prefix, and never as company data', () => {
    expect(classifyField({ apiName: 'PersonBirthdate', objectType: 'Account' }).kind).toBe('birthdate');
    expect(classifyField({ apiName: 'PersonMobilePhone', objectType: 'Account' }).kind).toBe('phone');
    expect(classifyField({ apiName: 'PersonMailingStreet', objectType: 'Account' }).kind).toBe('address');
    expect(classifyField({ apiName: 'PersonTitle', objectType: 'Account' }).kind).toBeNull();
  });

  it('on a company record, contact-like standard fields describe the organisation', () => {
    for (const apiName of ['Phone', 'Fax', 'BillingStreet', 'ShippingCity', 'Name', 'Website']) {
      expect(classifyField({ apiName, objectType: 'Account' }).kind, apiName).toBeNull();
    }
    for (const apiName of ['phone', 'address', 'city', 'name']) expect(classifyField({ apiName, objectType: '0-2' }).kind, apiName).toBeNull();
  });

  it('custom fields (__c) are read by their words, in any of the six languages', () => {
    expect(classifyField({ apiName: 'Geburtsdatum__c' }).kind).toBe('birthdate');
    expect(classifyField({ apiName: 'Religion__c', objectType: 'Contact' }).kind).toBe('religion');
    expect(classifyField({ apiName: 'Numero_Securite_Sociale__c' }).kind).toBe('national_id');
    expect(classifyField({ apiName: 'Company_Phone__c', objectType: 'Contact' }).kind).toBeNull();
    expect(classifyField({ apiName: 'Expected_Close_Date__c' }).kind).toBeNull();
    expect(classifyField({ apiName: 'Emergency_Contact_Phone__c', objectType: 'Account' }).kind).toBeNull();
  });

  it('a name that only looks like a table key is not one (no prototype lookups)', () => {
    expect(classifyField({ apiName: 'constructor', label: 'Phone' }).kind).toBe('phone');
    expect(classifyField({ apiName: 'toString', label: 'Email' }).kind).toBe('email');
  });
});
