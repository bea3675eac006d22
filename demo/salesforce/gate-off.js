// `lightning-base-components` ships gate stubs that switch every feature on. This
// one must be off, or lightning-input-name / lightning-input-address throw under
// synthetic shadow (see PLATFORM.md, "Realistic Salesforce pages offline").
export default { isOpen: () => false };
