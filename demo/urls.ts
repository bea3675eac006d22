/**
 * Every demo CRM page under its real URL. Hosts are real Salesforce and HubSpot
 * host shapes, so the extension's production match patterns apply; the My Domain
 * label picks the Salesforce variant (see docs/demo-crm.md).
 */
import { SF_IDS } from './data/salesforce';
import { HS_IDS, HS_PORTALS } from './data/hubspot';

export const SF_HOSTS = {
  /** synthetic shadow (@lwc/synthetic-shadow), English: what Lightning Experience runs today */
  synthetic: 'acme.lightning.force.com',
  /** native shadow DOM; one section per record mounted in a closed shadow root */
  native: 'acme-native.lightning.force.com',
  /** synthetic shadow, German labels */
  german: 'acme-de.lightning.force.com',
  /** the classic My Domain host, same app as `synthetic` */
  mySalesforce: 'acme.my.salesforce.com',
} as const;

export const HS_HOSTS = { eu1: 'app-eu1.hubspot.com', na1: 'app.hubspot.com' } as const;

function salesforcePages(host: string) {
  const base = `https://${host}`;
  const r = (obj: string, id: string, view: 'view' | 'edit') => `${base}/lightning/r/${obj}/${id}/${view}`;
  return {
    home: `${base}/lightning/page/home`,
    contactView: r('Contact', SF_IDS.contact, 'view'),
    contactEdit: r('Contact', SF_IDS.contact, 'edit'),
    /** second contact, reachable from contactView by the "Reports To" link (SPA navigation) */
    contact2View: r('Contact', SF_IDS.contact2, 'view'),
    contactNew: `${base}/lightning/o/Contact/new`,
    leadView: r('Lead', SF_IDS.lead, 'view'),
    leadEdit: r('Lead', SF_IDS.lead, 'edit'),
    accountView: r('Account', SF_IDS.account, 'view'),
    accountEdit: r('Account', SF_IDS.account, 'edit'),
    opportunityView: r('Opportunity', SF_IDS.opportunity, 'view'),
    opportunityEdit: r('Opportunity', SF_IDS.opportunity, 'edit'),
    customObjectView: r('Customer_Profile__c', SF_IDS.customerProfile, 'view'),
    customObjectEdit: r('Customer_Profile__c', SF_IDS.customerProfile, 'edit'),
    /** contact list view, 62 records */
    list: `${base}/lightning/o/Contact/list`,
    leadList: `${base}/lightning/o/Lead/list`,
    /** record view with 2,000 fields (benchmark) */
    bench2000: r('Bench_Record__c', SF_IDS.bench, 'view'),
  };
}

function hubspotPages(host: string, portal: string) {
  const base = `https://${host}/contacts/${portal}`;
  return {
    contact: `${base}/record/0-1/${HS_IDS.contact}`,
    /** second contact, linked from the contact's "Contacts" association card (SPA navigation) */
    contact2: `${base}/record/0-1/${HS_IDS.contact2}`,
    company: `${base}/record/0-2/${HS_IDS.company}`,
    deal: `${base}/record/0-3/${HS_IDS.deal}`,
    list: `${base}/objects/0-1/views/all/list`,
    companyList: `${base}/objects/0-2/views/all/list`,
    dealList: `${base}/objects/0-3/views/all/list`,
  };
}

export const DEMO_URLS = {
  salesforce: {
    synthetic: salesforcePages(SF_HOSTS.synthetic),
    native: salesforcePages(SF_HOSTS.native),
    german: salesforcePages(SF_HOSTS.german),
    mySalesforce: salesforcePages(SF_HOSTS.mySalesforce),
    /** shortcuts the issues name */
    customObjectView: salesforcePages(SF_HOSTS.synthetic).customObjectView,
    list: salesforcePages(SF_HOSTS.synthetic).list,
    /** the benchmark page on the native host, where half its fields sit in shadow roots */
    bench2000: salesforcePages(SF_HOSTS.native).bench2000,
  },
  hubspot: {
    ...hubspotPages(HS_HOSTS.eu1, HS_PORTALS.eu1),
    na1: hubspotPages(HS_HOSTS.na1, HS_PORTALS.na1),
  },
} as const;
