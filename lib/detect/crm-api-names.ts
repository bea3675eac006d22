/**
 * Standard field API names of Salesforce (Contact, Lead, Account, Opportunity,
 * Case, User; Person Account fields are looked up without their `Person`
 * prefix) and HubSpot internal property names (contacts, companies, deals,
 * tickets). `null` = a standard field that holds no personal data. Keys are
 * exact API names; HubSpot names are lower-case.
 */
import type { Kind } from './kinds';

export const CRM_API_NAMES: Readonly<Record<string, Kind | null>> = {
  // Salesforce: people
  Name: 'name', FirstName: 'name', LastName: 'name', MiddleName: 'name', Suffix: 'name', Salutation: 'name', AssistantName: 'name', InformalName: 'name',
  Email: 'email', Phone: 'phone', MobilePhone: 'phone', HomePhone: 'phone', OtherPhone: 'phone', AssistantPhone: 'phone', Fax: 'phone',
  MailingStreet: 'address', MailingCity: 'address', MailingState: 'address', MailingPostalCode: 'address', MailingCountry: null, MailingAddress: 'address',
  MailingLatitude: 'location', MailingLongitude: 'location',
  OtherStreet: 'address', OtherCity: 'address', OtherState: 'address', OtherPostalCode: 'address', OtherCountry: null, OtherAddress: 'address',
  Street: 'address', City: 'address', State: 'address', PostalCode: 'address', Country: null, Address: 'address', Latitude: 'location', Longitude: 'location',
  Birthdate: 'birthdate', GenderIdentity: 'gender', Pronouns: 'gender',
  Title: null, Department: null, AccountId: null, ReportsToId: null, OwnerId: null, LeadSource: null, Description: null, Company: null, Industry: null,
  AnnualRevenue: null, NumberOfEmployees: null, Status: null, Rating: null, Website: null, HasOptedOutOfEmail: null, HasOptedOutOfFax: null, DoNotCall: null,
  EmailBouncedReason: null, EmailBouncedDate: null, IsConverted: null, ConvertedAccountId: null, ConvertedContactId: null, CreatedDate: null, LastModifiedDate: null,
  LastActivityDate: null, CreatedById: null, LastModifiedById: null, RecordTypeId: null, Id: null,
  // Salesforce: accounts, opportunities, cases (company data)
  AccountNumber: null, Site: null, Type: null, ParentId: null, Sic: null, TickerSymbol: null, Ownership: null,
  BillingStreet: 'address', BillingCity: 'address', BillingState: 'address', BillingPostalCode: 'address', BillingCountry: null, BillingAddress: 'address',
  ShippingStreet: 'address', ShippingCity: 'address', ShippingState: 'address', ShippingPostalCode: 'address', ShippingCountry: null, ShippingAddress: 'address',
  CloseDate: null, StageName: null, Amount: null, Probability: null, ForecastCategoryName: null, NextStep: null, ExpectedRevenue: null, IsWon: null, IsClosed: null,
  CaseNumber: null, Subject: null, Priority: null, Origin: null, Reason: null, SuppliedName: 'name', SuppliedEmail: 'email', SuppliedPhone: 'phone', SuppliedCompany: null,
  ContactId: null, ContactEmail: 'email', ContactPhone: 'phone', ContactMobile: 'phone', ContactFax: 'phone',
  // Salesforce: users
  Username: 'online_id', Alias: 'online_id', CommunityNickname: 'online_id', FederationIdentifier: 'online_id', EmployeeNumber: null,
  // HubSpot contacts
  firstname: 'name', lastname: 'name', salutation: 'name', email: 'email', hs_additional_emails: 'email', work_email: 'email',
  phone: 'phone', mobilephone: 'phone', fax: 'phone', hs_whatsapp_phone_number: 'phone',
  address: 'address', city: 'address', state: 'address', zip: 'address', country: null, hs_state_code: 'address',
  date_of_birth: 'birthdate', gender: 'gender', twitterhandle: 'online_id', hs_linkedin_url: 'online_id', linkedinbio: null, hs_ip_timezone: null,
  ip_city: 'location', ip_state: 'location', ip_country: null, ip_zipcode: 'location', hs_latitude: 'location', hs_longitude: 'location',
  jobtitle: null, company: null, website: null, industry: null, lifecyclestage: null, hs_lead_status: null, hubspot_owner_id: null, createdate: null,
  lastmodifieddate: null, notes_last_contacted: null, hs_email_optout: null, hs_language: null, marital_status: null, degree: null, field_of_study: null,
  school: null, job_function: null, seniority: null, annualrevenue: null, numemployees: null, hs_persona: null, message: null, associatedcompanyid: null,
  // HubSpot companies, deals, tickets
  name: null, domain: null, numberofemployees: null, description: null, phone_company: null, about_us: null, founded_year: null, type: null,
  dealname: null, amount: null, closedate: null, dealstage: null, pipeline: null, dealtype: null, hs_priority: null,
  subject: null, content: null, hs_pipeline_stage: null, hs_ticket_priority: null, hs_ticket_category: null, source_type: null,
};
