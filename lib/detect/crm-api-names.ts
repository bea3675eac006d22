/**
 * Standard field API names of Salesforce (Contact, Lead, Account, Opportunity,
 * Case, User; Person Account fields are looked up without their `Person`
 * prefix) and HubSpot internal property names whose words the field
 * vocabulary would misread or not know: system ids and lookups ("AccountId",
 * "ReportsToId"), business metadata ("StageName", "jobtitle"), and the odd
 * personal one ("Alias", "ip_city"). `null` = a standard field that holds no
 * personal data. Names the vocabulary reads right ("MailingStreet", "Birthdate",
 * "hs_whatsapp_phone_number", "CloseDate") are left to it; the test in
 * test/detect/field-crm.test.ts holds every standard name with its kind.
 * Grouped by kind as '|'-separated lists: the table ships in the content script.
 */
import type { Kind } from './kinds';
import { table } from './field-vocab';

export const CRM_API_NAMES: ReadonlyMap<string, Kind | null> = table<Kind | null>([
  // Salesforce
  [null, 'Title|AccountId|ReportsToId|IsConverted|ConvertedAccountId|ConvertedContactId|RecordTypeId|Id|AccountNumber|Site|Type|ParentId|Sic|TickerSymbol|Ownership|StageName|ForecastCategoryName|NextStep|IsWon|IsClosed|Priority|Reason|ContactId|EmployeeNumber|FiscalQuarter|FiscalYear|Pricebook2Id|HasOpportunityLineItem|Jigsaw|YearStarted|NaicsCode|Tradestyle|IndividualId|MasterRecordId|Languages__c|Level__c'],
  ['online_id', 'Alias|CommunityNickname|FederationIdentifier'],
  // Salesforce's Name must not fall through to HubSpot's company name.
  ['name', 'Name'],
  // HubSpot
  [null, 'linkedinbio|hs_ip_timezone|ip_country|jobtitle|lifecyclestage|degree|field_of_study|school|job_function|seniority|annualrevenue|numemployees|hs_persona|associatedcompanyid|name|numberofemployees|about_us|founded_year|type|dealname|dealstage|pipeline|dealtype|hs_priority|content|hs_ticket_priority|hs_ticket_category|hs_object_id|graduation_date'],
  ['location', 'ip_city|ip_state|ip_zipcode'],
]);
