/**
 * Field vocabulary in EN, DE, FR, ES, IT and NL, matched against a folded,
 * space-separated form of a label or identifier. Rules are tried in order and
 * the first hit decides, so specific phrases ("account holder", "email opt
 * out", "company phone") sit before the general words they contain.
 *
 * Term syntax: a plain term matches whole words; `term*` lets its last word
 * continue ("telefon*" matches "telefonnummer"); `~term` matches inside a word
 * (German and Dutch compounds like "Rechnungsadresse").
 */
import type { Kind } from './kinds';
import { rx } from './regex-registry';

export interface VocabRule {
  kind: Kind | null;
  /**
   * Strong rules decide in list order before anything else: they hold phrases
   * that contain a personal word but are not personal ("company phone", "close
   * date") and the reverse ("account holder"). Weak rules compete by position.
   */
  strong?: boolean;
  /** A role noun ("Recipient", "Assistant", "Ansprechpartner"): a name alone, a modifier beside another personal word ("Recipient email", "Assistant Phone"). */
  role?: boolean;
  /** In a name attribute, overrules a generic label: "PIN" named GiftCardPin is a gift-card PIN. */
  veto?: boolean;
  /** short English reason fragment, e.g. "a company phone is not personal" */
  why: string;
  terms: string;
}

export const FIELD_RULES: readonly VocabRule[] = [
  {
    kind: null,
    strong: true,
    why: 'consent flags and preferences are not personal data values',
    terms:
      'opt out|optout|use my|use this|my billing|my shipping|are the same|ship to|include my|pay with|please select|enter names|invite|find a|please mail me|yes|send me|i want|i would like|please send|allow my|remember me|remember my|same as|ship to a different|use this address|store my|save my|log me in|sign me up|notify me|email me|text me|alerts|password hint|security question|secret question|opted out|has opted out*|do not call|donotcall|unsubscribe*|newsletter|bounce*|marketing consent|subscribe|subscribed|subscription|agree|accept|keep me signed in|' +
      'abmelden|einwilligung|werbung|desinscri*|consentement|consentimiento|consenso|afmelden|toestemming',
  },
  {
    kind: null,
    strong: true,
    veto: true,
    why: 'it describes an organisation, a deal or a record, not a person',
    terms:
      'company|organization|organisation|business name|account name|opportunity name|deal|campaign|product|project name|file name|filename|domain|brand name|owner|ownerid|assigned to|' +
      'opportunite|oportunidad|opportunita|verkoopkans|firmenname|firma|unternehmen|unternehmensname|name des unternehmens|verkaufschance|produktname|projektname|' +
      'societe|entreprise|raison sociale|' +
      'empresa|razon social|compania|organizacion|' +
      'azienda|ragione sociale|societa|organizzazione|' +
      'bedrijfsnaam|bedrijf|organisatie|firmanaam|' +
      'employer|arbeitgeber|employeur|empleador|datore di lavoro|werkgever|accountname|nom du compte|nombre de la cuenta|nome account|nome dell account|accountnaam|account inhaber|accountinhaber|opportunity inhaber|lead inhaber|proprietaire|propietario|titolare account|proprietario|accounteigenaar|eigenaar',
  },
  {
    kind: null,
    strong: true,
    veto: true,
    why: 'a company switchboard, general mailbox or office address is not personal',
    terms:
      'company phone|main phone|main office|inquiries|enquiries|hq|switchboard|office main line|company email|general email|info email|support email|sales email|company address|headquarters|head office|' +
      'firmentelefon|firmenanschrift|unternehmensanschrift|zentrale|telefonzentrale|hauptnummer|firmen email|firmenadresse|firmensitz|hauptsitz|' +
      'siege|telephone de l entreprise|adresse de l entreprise|centralita|telefono de la empresa|sede central|centralino|telefono aziendale|sede legale|hoofdnummer|bedrijfstelefoon|hoofdkantoor|bedrijfsadres|' +
      'haupttelefon|telephone principal|telefono principal|telefono principale|hoofdtelefoon*|algemeen nummer|algemeen telefoonnummer|standard',
  },
  {
    kind: null,
    strong: true,
    veto: true,
    why: 'it names business or form metadata, not personal data',
    terms:
      'job title|business unit|sales region|sales territory|country region|country or region|bank name|lead source|customer number|member number|membership number|loyalty number|rewards number|gift card*|gift certificate|promo code|coupon code|vat number|vat id|number of employees|search term|time zone|tax rate|card nickname|saved card|record locator|booking reference|reservation number|order number|invoice number|tracking number|ticket number|case number|' +
      'jobtitel|berufsbezeichnung|kundennummer|bestellnummer|rechnungsnummer|sendungsnummer|ticketnummer|anzahl der mitarbeiter|' +
      'numero de commande|numero de facture|numero client|numero de reservation|numero de pedido|numero de factura|numero de cliente|numero d ordine|numero di fattura|codice cliente|ordernummer|factuurnummer|klantnummer|' +
      'perusahaan|' +
      'geschenkkarte*|gutscheinkarte|geschenkgutschein|carte cadeau|cheque cadeau|bon d achat|tarjeta regalo|tarjeta de regalo|cheque regalo|carta regalo|buono regalo|cadeaukaart|cadeaubon|waardebon|discount code|promotional code|promotion code|voucher code|referral code|rabattcode|aktionscode|gutscheincode|code de reduction|code promo|code avantage|codigo promocional|codigo de descuento|cupon|codice sconto|codice promozionale|buono sconto|kortingscode|actiecode|promotiecode|loyalty card|membership card|kundenkarte|carte de fidelite|tarjeta de fidelidad|carta fedelta|klantenkaart|bonuskaart|address nickname|address name|address label|address title|name this address|adressbezeichnung|adressname|nom de l adresse|libelle de l adresse|nombre de la direccion|alias de la direccion|nome dell indirizzo|naam van het adres|adresnaam|name your|name this|' +
      'gift card pin|umsatzsteuer identifikationsnummer|umsatzsteuer id|ust identifikationsnummer|vat registration number|tva intracommunautaire|siret|siren|nif intracomunitario|codice sdi|btw id|kvk|chamber of commerce|handelsregisternummer|handelsregister|registre du commerce|registro mercantil|registro imprese|' +
      'estado del candidato|estado del prospecto|estado de la oportunidad|estado del caso|estado de la cuenta|estado del pedido|' +
      'attachment|~attachment|file upload|upload|anhang|dateianhang|datei hochladen|piece jointe|fichier joint|adjunto|archivo adjunto|allegato|file allegato|bijlage',
  },
  {
    kind: null,
    strong: true,
    why: 'a relationship or marital status is not an identifier',
    terms:
      'relationship|relation|relationship to*|beziehung|verwandtschaftsgrad|verwandtschaft|lien de parente|parentesco|relacion|parentela|relazione|relatie|verwantschap|' +
      'marital status|civil status|familienstand|situation familiale|etat civil|estado civil|stato civile|burgerlijke staat',
  },
  {
    kind: null,
    strong: true,
    why: 'a record date is not a date of birth',
    terms:
      'close date|closedate|closing date|createdate|created|last modified*|modified|lastmodifieddate|due date|start date|end date|delivery date|order date|invoice date|contract end|renewal date|meeting date|follow up date|last activity|last contacted|activity date|' +
      'abschlussdatum|erstelldatum|erstellt am|geandert am|falligkeitsdatum|lieferdatum|bestelldatum|vertragsende|' +
      'date de cloture|date de creation|date d echeance|fecha de cierre|fecha de creacion|fecha de vencimiento del contrato|data di chiusura|data di creazione|sluitingsdatum|aanmaakdatum|vervaldatum contract',
  },
  {
    kind: 'health',
    why: 'health information is a special category (GDPR Art. 9)',
    terms:
      'health|medical*|diagnosis|illness|disability|disabilities|allergies|allergy|blood type|blood group|pregnancy|sick leave|' +
      'gesundheit*|~gesundheit|diagnose|krankheit*|erkrankung*|allergien|behinderung|schwerbehinderung|blutgruppe|schwangerschaft|' +
      'sante|maladie|handicap|groupe sanguin|' +
      'salud|estado de salud|condicion medica|enfermedad|discapacidad|alergias|grupo sanguineo|' +
      'salute|condizione medica|malattia|disabilita|allergie|gruppo sanguigno|' +
      '~gezondheid|medische*|ziekte|beperking|allergieen|bloedgroep|' +
      'wheelchair|rollstuhl*|fauteuil roulant|silla de ruedas|sedia a rotelle|rolstoel|~behindert|medikament*|medicament*|medicamento*|farmaci|farmaco|medicijn*|~medicijn|medication*',
  },
  {
    kind: 'religion',
    why: 'religious belief is a special category (GDPR Art. 9)',
    terms: 'religion|religious*|faith|denomination|confession|konfession|religionszugehorigkeit|glaube|kirchensteuer*|religione|confessione|religie|geloof|kerkgenootschap',
  },
  {
    kind: 'political',
    why: 'political opinion is a special category (GDPR Art. 9)',
    terms: 'political*|party affiliation|party membership|politische*|partei|parteizugehorigkeit|parteimitglied*|opinion politique|affiliation politique|parti politique|afiliacion politica|partido politico|orientamento politico|partito politico|politieke*',
  },
  {
    kind: 'ethnicity',
    why: 'ethnic origin is a special category (GDPR Art. 9)',
    terms: 'ethnic*|race|racial origin|ethnie|herkunft|abstammung|origine ethnique|etnia|origen etnico|etnicita|origine etnica|etniciteit|afkomst',
  },
  {
    kind: 'sexual_orientation',
    why: 'sexual orientation is a special category (GDPR Art. 9)',
    terms: 'sexual orientation|sexuality|sexuelle orientierung|sexualitat|orientation sexuelle|orientacion sexual|orientamento sessuale|seksuele geaardheid|seksuele orientatie',
  },
  {
    kind: 'trade_union',
    why: 'trade-union membership is a special category (GDPR Art. 9)',
    terms: 'trade union*|union membership|union member|labor union|labour union|gewerkschaft*|~gewerkschaft|syndicat|appartenance syndicale|sindicato|afiliacion sindical|sindacato|iscrizione sindacale|vakbond*|~vakbond',
  },
  {
    kind: 'biometric',
    why: 'biometric data is a special category (GDPR Art. 9)',
    terms: 'biometric*|fingerprint*|face template|facial template|voiceprint|iris scan|fingerabdruck*|biometrisch*|gesichtsbild|empreinte digitale|biometrique*|huella dactilar|biometrico*|impronta digitale|vingerafdruk*',
  },
  {
    kind: 'genetic',
    why: 'genetic data is a special category (GDPR Art. 9)',
    terms: 'genetic*|dna|gene test|genetisch*|gentest|erbgut|genetique*|adn',
  },
  {
    kind: 'criminal',
    why: 'criminal convictions and offences fall under GDPR Art. 10',
    terms: 'convictions|conviction|criminal*|offences|offenses|background check|vorstrafe*|fuhrungszeugnis|straftat*|strafregister|casier judiciaire|condamnations|antecedentes penales|condenas|precedenti penali|casellario giudiziale|strafblad|verklaring omtrent het gedrag|veroordelingen',
  },
  {
    kind: null,
    why: 'it is business or form metadata, not personal data',
    terms:
      'origin|destination|website|web site|url|homepage|industry|revenue|employees|amount|stage|probability|source|status|rating|description|subject|comments|comment|notes|note|message|search|query|keyword|promo|coupon|voucher|gift card|quantity|qty|price|total|currency|language|timezone|time zone|vat|tax rate|captcha|job title|business unit|position|role|department|occupation|profession|age|income|salary|education|membership number|loyalty number|member number|customer number|account number internal|' +
      'branche|umsatz|mitarbeiter|mitarbeiteranzahl|betrag|phase|wahrscheinlichkeit|quelle|beschreibung|betreff|kommentar|notiz*|nachricht|suche|suchbegriff|gutschein*|menge|preis|wahrung|sprache|ust idnr|ust id|umsatzsteuer*|abteilung|berufsbezeichnung|beruf|kundennummer|' +
      'site web|secteur|chiffre d affaires|montant|etape|probabilite|commentaire*|rechercher|recherche|quantite|prix|langue|tva|fonction|poste|service|' +
      'sitio web|sector|ingresos|importe|etapa|probabilidad|descripcion|asunto|comentario*|buscar|busqueda|cantidad|precio|idioma|iva|nif intracomunitario|cargo|puesto|departamento|' +
      'sito web|settore|fatturato|importo|fase|probabilita|descrizione|oggetto|commento|commenti|cerca|ricerca|quantita|prezzo|lingua|ruolo|reparto|mansione|' +
      'bedrijfstak|omzet|bedrag|kans|beschrijving|onderwerp|opmerking*|zoeken|zoek|aantal|prijs|taal|btw|functie|afdeling|' +
      'territory|leadquelle|origine de la piste|origine du lead|origen del candidato|origen del prospecto|fuente del lead|fonte lead|origine lead|origine del lead|leadbron|bron van lead',
  },
  {
    kind: null,
    why: 'a day, month or year on its own is a date part, not a birth date',
    terms: 'day|month|year|tag|monat|jahr|jour|mois|annee|dia|mes|ano|giorno|mese|anno|dag|maand|jaar|mm|yy|yyyy|dd',
  },
  {
    kind: null,
    why: 'a country alone does not identify a person',
    terms: 'country|land|staat|pays|pais|paese|nazione|nation|' +
      'nationality|citizenship|staatsangehorigkeit|nationalitat|nationalite|nacionalidad|nazionalita|cittadinanza|nationaliteit',
  },
  {
    kind: 'credential',
    why: 'passwords, PINs and security answers are credentials',
    terms:
      'password*|passwd|pwd|passcode|pin|one time code|otp|verification code|answer|api key|apikey|access token|secret|' +
      'passwort*|kennwort*|~passwort|sicherheitsantwort|sicherheitsfrage|geheimfrage|bestatigungscode|' +
      'mot de passe|mdp|question secrete|reponse secrete|code de verification|' +
      'contrasena|clave|respuesta secreta|pregunta secreta|codigo de verificacion|' +
      'parola d ordine|risposta segreta|domanda segreta|codice di verifica|' +
      'wachtwoord*|~wachtwoord|geheime vraag|geheim antwoord|verificatiecode|' +
      'mother s maiden name|mothers maiden name|mother maiden name|geburtsname der mutter|nom de jeune fille de votre mere|nom de jeune fille de la mere|apellido de soltera de su madre|apellido de soltera de la madre|cognome da nubile della madre|meisjesnaam van je moeder|meisjesnaam moeder',
  },
  {
    kind: 'payment_card',
    why: 'card numbers, card holder, expiry and verification codes are payment-card data',
    terms:
      'credit card*|creditcard*|ccnumber|ccnum|ccno|cc exp*|ccexp*|cc|ccv|cvv*|cvc*|csc|cvn|cid|security code|card verification*|nameoncard|expiry*|expiration*|expire*|exp mon|exp date|exp month|exp year|expdate|expmonth|expyear|exp mm|exp yy|valid thru|valid through|valid until|card*|' +
      'kartennummer|karten nummer|kreditkarte*|kartentyp|kartenart|karteninhaber*|ablaufdatum|gultig bis|prufnummer|prufziffer|sicherheitscode|~kreditkarte|' +
      'titolare carta|nome titolare|cartao*|validade|kartu|~карт|срок действия|numero de carte|carte bancaire|carte de credit|type de carte|titulaire de la carte|nom sur la carte|date de validite|cryptogramme*|' +
      'tarjeta*|caducidad|fecha de expiracion|codigo de seguridad|' +
      'numero carta|numero della carta|carta di credito|tipo di carta|titolare della carta|intestatario della carta|scadenza|codice di sicurezza|' +
      'kaartnummer|kaarthouder|vervaldatum|kaarttype|beveiligingscode|' +
      'verification number|verification value|security number|numero de verification|kartenprufnummer|numero di verifica|verificatienummer|masa berlaku',
  },
  {
    kind: 'payment_card',
    strong: true,
    why: 'the card holder name and card verification code are payment-card data',
    terms:
      'name on card|name on the card|nameoncard|name as it appears on your card|appears on your card|as shown on card|card name|card holder*|cardholder*|cvc*|cvv*|csc|cvn|card verification*|card security code|' +
      'karteninhaber*|name auf der karte|titulaire de la carte|nom sur la carte|nom du titulaire|nombre de tarjeta|nombre en la tarjeta|titular de la tarjeta|nome titolare|titolare carta|titolare della carta|intestatario della carta|nome do cartao|nome no cartao|kaarthouder|naam op kaart|nama di kartu|nama tertera di kartu|' +
      'владельца карты|владелец карты',
  },
  {
    kind: 'name',
    strong: true,
    why: 'the account holder is a person',
    terms: 'account holder*|accountholder|kontoinhaber*|titulaire du compte|titular de la cuenta|intestatario del conto|rekeninghouder|tenaamstelling',
  },
  {
    kind: 'bank_account',
    why: 'IBANs, BICs and account numbers identify a bank account',
    terms:
      'bic|swift|bank account*|account number|account no|accountnumber|acct number|bank details|routing number|sort code|~iban|' +
      'kontonummer|konto nr|bankverbindung|bankleitzahl|blz|' +
      'numero de compte|compte bancaire|rib|coordonnees bancaires|' +
      'numero de cuenta|cuenta bancaria|ccc|' +
      'conto corrente|numero di conto|coordinate bancarie|' +
      'rekeningnummer|bankrekening*|rekening nummer',
  },
  {
    kind: 'national_id',
    why: 'national identity, tax, social-security and licence numbers identify a person',
    terms:
      'numero de documento|numero do documento|tax identification*|~versichertennummer|~versicherungsnummer|ssn|social security*|social insurance*|national id|national identity|id number|identity number|id card|identity card|identity document|id document|document number|passport*|driver s license|drivers license|driver license|driving licence|driving license|drivers licence|license number|licence number|tax id|tax number|taxpayer id|tin|itin|nino|national insurance*|health insurance number|insurance number|cpf|' +
      'sozialversicherung*|sv nummer|steuer id|steuerid|steueridentifikationsnummer|steuernummer|identifikationsnummer|personalausweis*|ausweis*|reisepass*|passnummer|fuhrerschein*|' +
      'numero de securite sociale|securite sociale|nir|carte d identite|carte vitale|passeport|permis de conduire|numero fiscal|' +
      'dni|nie|nif|documento de identidad|pasaporte|carnet de conducir|permiso de conducir|seguridad social|' +
      'codice fiscale|carta d identita|passaporto|patente|tessera sanitaria|' +
      'bsn|burgerservicenummer|sofinummer|sofi nummer|paspoort*|rijbewijs*|identiteitskaart|id kaart|' +
      'identification|identificacion|identificazione|identificatienummer|identificatie|identifikation|social sn|socialsn|' +
      'steuer nr|steuernr|piece d identite|numero de piece d identite|documento d identita',
  },
  {
    kind: 'birthdate',
    why: 'it asks for a date of birth',
    terms:
      'dob|bday|born|~birth|' +
      'geboren|~geburt|' +
      'ne le|nee le|anniversaire|~naissance|' +
      'cumpleanos|~nacimiento|' +
      'compleanno|~nascita|' +
      'verjaardag|~geboorte',
  },
  {
    kind: 'online_id',
    why: 'user names, IP addresses and device or profile IDs identify a person online',
    terms:
      'username|user name|userid|user id|login|loginid|login name|screen name|screenname|ip|ip address|ipaddress|ip adresse|device id|deviceid|mac address|cookie id|advertising id|twitter*|linkedin*|linked in|skype*|instagram|facebook|xing|social profile|handle|' +
      'benutzername|benutzerkennung|benutzer id|anmeldename|nom d utilisateur|identifiant|pseudo|nombre de usuario|usuario|nome utente|gebruikersnaam|inlognaam|' +
      'nom d usager',
  },
  {
    kind: 'email',
    why: 'it asks for an email address',
    terms:
      'login email|login e mail|~почт|~郵件|~邮箱|email*|e mail*|mail|mail address|~email|courriel|adresse e mail|adresse electronique|correo*|posta elettronica|indirizzo email|' +
      'адрес электронной почты',
  },
  {
    kind: 'phone',
    why: 'it asks for a telephone number',
    terms:
      'area code|home area|home prefix|home suffix|work area|work prefix|work suffix|phone*|telephone*|tel|telno|mobile*|cell|fax*|whatsapp|direct line|extension|ext|~phone|' +
      'телефон|telepon|~電話|~电话|telefon*|~telefon|handy*|~handy|mobil*|mobilfunk*|~rufnummer|durchwahl|' +
      'portable|~telephone|' +
      'telefono*|movil|celular|' +
      'cellulare|' +
      'mobiel*|gsm|~telefoon|' +
      'country calling code|calling code|dialing code|dial code|landesvorwahl|vorwahl|indicatif|prefijo|prefisso|landcode|kengetal|netnummer',
  },
  {
    kind: 'gender',
    why: 'it asks for gender or sex',
    terms: 'gender|sex|pronouns|geschlecht|genre|sexe|sexo|genero|sesso|genere|geslacht',
  },
  {
    kind: 'address',
    why: 'it is part of a postal address',
    terms:
      'address*|street*|house number|house no|apt|apartment|suite|unit|floor|po box|post box|address line*|line 1|line 2|line 3|addr*|postcode|post code|postal|zip|zipcode|postalcode|city|town|village|suburb|district|state|province|region|county|prefecture|locality|sorting code|' +
      'endereco|cidade|cep|bairro|~улиц|дом|номер дома|адрес|город|индекс|alamat|kota|kode pos|sehir|~地址|~住址|~strasse|str|hausnummer|hausnr|~adresse|postfach|postleitzahl|plz|ort|stadt|wohnort|gemeinde|bundesland|kanton|landkreis|~anschrift|' +
      'rue|ville|localite|commune|departement|boite postale|' +
      'domicilio|residencia|residenza|direccion|calle|piso|cp|ciudad|localidad|municipio|provincia|estado|apartado|' +
      'indirizzo|via|civico|cap|citta|comune|localita|frazione|' +
      'huisnummer|toevoeging|woonplaats|plaats|gemeente|provincie|~straat|~adres|' +
      'почтовый индекс|kecamatan|kelurahan|' +
      'nom de rue|nom de la rue|nombre de la calle|nome della via|street name|care of|presso|zu handen|z hd|chez|packstation|postnummer|postfiliale|' +
      'nom de voie|voie|lieu dit|numero de casa|huisnr|toev|postbus|apartado de correos|casella postale|codice postale|regione',
  },
  {
    kind: 'location',
    why: 'it records a geographic position',
    terms: 'gps|geolocation|geo location|latitude|longitude|lat|lng|lon|coordinates|current location|koordinaten|breitengrad|langengrad|localisation|ubicacion|posizione|locatie',
  },
  {
    kind: 'name',
    why: 'it asks for a person’s name',
    terms:
      'name|mi|m i|givenname|familyname|surname|forename|middlename|middle initial|nickname|salutation|honorific*|prefix|suffix|initials|~firstname|~lastname|~fullname|fname|lname|' +
      'rufname|familienname|geburtsname|anrede|~vorname|~nachname|' +
      'prenom|nom|civilite|' +
      'nombre|apellido|apellidos|tratamiento|' +
      'nome|cognome|' +
      'sobrenome|имя|фамилия|nama|soyad|ad|~姓名|roepnaam|naam|tussenvoegsel|aanhef|~voornaam|~achternaam',
  },
  {
    kind: 'name',
    role: true,
    why: 'it names a person by their role',
    terms:
      'contact person|recipient|attention|assistant|ansprechpartner*|empfanger|assistent|assistentin|destinataire|assistante|destinatario|asistente|assistente|contactpersoon',
  },
];

/** Short identifier tokens seen in `name`/`id` attributes that only make sense as field names. */
export const IDENTIFIER_ALIASES: Readonly<Record<string, string>> = {
  fn: 'first name',
  ln: 'last name',
  fname: 'first name',
  lname: 'last name',
  mname: 'middle name',
  zc: 'zip',
  pc: 'postcode',
  tel: 'phone',
  dob: 'date of birth',
  pwd: 'password',
  pw: 'password',
  addr1: 'address',
  addr2: 'address',
  a1: 'address',
  a2: 'address',
  ct: 'city',
  st: 'state',
  em: 'email',
  ph: 'phone',
  cc: 'card',
};

/** A map from '|'-separated key lists: the compact way to ship a table in the content script. */
export function table<T>(entries: readonly [T, string][]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, keys] of entries) for (const k of keys.split('|')) map.set(k, value);
  return map;
}

/**
 * Labels that are one value of a choice (a radio button, an option), folded: the
 * kind they reveal when the group's name says nothing. Yes/no reveal nothing.
 */
export const OPTION_VALUES: ReadonlyMap<string, Kind | null> = table<Kind | null>([
  [
    'gender',
    'male|female|man|woman|men|women|non binary|nonbinary|diverse|divers|mannlich|weiblich|homme|femme|masculin|feminin|hombre|mujer|masculino|femenino|uomo|donna|maschio|femmina|maschile|femminile|vrouw|mannelijk|vrouwelijk|男|女',
  ],
  [
    'name',
    'mr|mrs|ms|miss|mx|dr|prof|herr|frau|mme|mlle|monsieur|madame|mademoiselle|sr|sra|srta|senor|senora|senorita|sig|sig ra|sigra|signor|signore|signora|signorina|dhr|mevr|mw|heer|mevrouw',
  ],
  ['payment_card', 'visa|mastercard|master card|maestro|amex|american express|discover|diners|diners club|jcb|carte bleue|cartes bancaires|unionpay|union pay|v pay|visa electron|postepay'],
  [null, 'yes|no|ja|nein|oui|non|si|nee|ok'],
]);

/** A select labelled with one of these chooses an honorific (Mr, Mrs, Dr). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(['title', 'titel', 'titre', 'titulo', 'titolo', 'titre de civilite']);

/** Last words of a section heading used as a label ("Credit Card Information", "Rechnungsdaten"). */
export const HEADING_WORDS: ReadonlySet<string> = new Set([
  'information', 'info', 'details', 'informationen', 'angaben', 'daten', 'informations', 'coordonnees', 'donnees', 'informacion', 'datos', 'informazioni', 'dati', 'gegevens', 'informatie',
]);

// ---------------------------------------------------------------------------
// Lookup. The rules compile once into maps, so a label costs one pass over its
// characters plus a map lookup per word: no regex runs per term or per field.

const WORD_CHAR = rx('field-word-char', /[\p{L}\p{N}\p{M}]/u);
const MARKS = rx('field-combining-marks', /\p{M}/gu);

/** Lower case without diacritics ("Straße" → "strasse", "Téléphone" → "telephone"). */
function foldWord(raw: string): string {
  return raw.toLowerCase().normalize('NFD').replace(MARKS, '').replaceAll('ß', 'ss');
}

/** Folded forms of the Latin letters with diacritics (À–ɏ), made once with foldWord: most non-ASCII letters in labels are these. */
const LATIN_FIRST = 0xc0;
const LATIN_FOLD: (string | undefined)[] = [];
for (let c = LATIN_FIRST; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c);
  LATIN_FOLD.push(WORD_CHAR.test(ch) ? foldWord(ch) : undefined);
}

/** A word of ASCII and table letters, folded letter by letter. */
function foldLatin(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    out += c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i]) : LATIN_FOLD[c - LATIN_FIRST];
  }
  return out;
}

/**
 * The folded words of a label or identifier: split at anything that is not a
 * letter or digit and at camel-case steps ("billingFirstName" → billing first
 * name). One hand-written pass; non-ASCII words are folded on their own.
 */
export function fieldWords(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  // The current word is: all lower-case ASCII (plain), ASCII, or ASCII and table letters (latin).
  let plain = true;
  let ascii = true;
  let latin = true;
  let lowerOrDigit = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    let word: boolean;
    let upper = false;
    let low = false;
    let inTable = false;
    if (c < 128) {
      upper = c >= 65 && c <= 90;
      low = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      word = upper || low;
    } else if (c >= LATIN_FIRST && c <= 0x24f) {
      word = inTable = LATIN_FOLD[c - LATIN_FIRST] !== undefined;
    } else word = c >= 0xd800 && c <= 0xdfff ? true : WORD_CHAR.test(s[i]!);
    if (start >= 0 && (!word || (upper && lowerOrDigit))) {
      out.push(plain ? s.slice(start, i) : ascii ? s.slice(start, i).toLowerCase() : latin ? foldLatin(s, start, i) : foldWord(s.slice(start, i)));
      start = -1;
    }
    if (word) {
      if (start < 0) {
        start = i;
        plain = ascii = latin = true;
      }
      if (c >= 128) {
        plain = ascii = false;
        if (!inTable) latin = false;
      } else if (upper) plain = false;
    }
    lowerOrDigit = low;
  }
  return collapseLetters(out);
}

/** Spelled-out letters join into one word: "C V V" → "cvv", "P O Box" → "po box". */
function collapseLetters(words: string[]): string[] {
  let run = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i]!.length === 1) {
      run++;
      continue;
    }
    if (run >= 2) {
      words.splice(i - run, run, words.slice(i - run, i).join(''));
      i -= run - 1;
    }
    run = 0;
  }
  return words;
}

export interface Match {
  rule: VocabRule;
  /** the vocabulary term that matched, without its marks */
  term: string;
}

interface Term extends Match {
  /** iteration order (rule, then term): ties go to the earlier term */
  order: number;
  length: number;
  words: readonly string[];
  /** the last word matches as a prefix */
  prefix: boolean;
}

/** Terms by exact first word, one-word prefix terms by their first two letters, in-word terms by their first two letters. */
const EXACT = new Map<string, Term[]>();
const STEMS = new Map<number, Term[]>();
const IN_WORD = new Map<number, Term[]>();
/** A cheap filter over letter pairs before the in-word map is asked. */
const PAIR = new Uint8Array(65536);
const pairKey = (a: number, b: number) => a * 65536 + b;
const pairSlot = (a: number, b: number) => ((a << 7) ^ b) & 0xffff;
let TERM_COUNT = 0;

function add<K>(map: Map<K, Term[]>, key: K, term: Term): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

for (const rule of FIELD_RULES) {
  for (const raw of rule.terms.split('|')) {
    if (raw === '') continue;
    const inWord = raw.startsWith('~');
    const prefix = raw.endsWith('*');
    // Terms are written folded; the few non-ASCII ones (Cyrillic, CJK) are folded here as the words they meet.
    const display = raw.slice(inWord ? 1 : 0, prefix ? -1 : undefined);
    const bare = foldWord(display);
    const term: Term = { rule, term: display, order: TERM_COUNT++, length: raw.length, words: bare.split(' '), prefix };
    if (inWord) {
      const needle = bare.replaceAll(' ', '');
      term.words = [needle];
      add(IN_WORD, pairKey(needle.charCodeAt(0), needle.charCodeAt(1)), term);
      PAIR[pairSlot(needle.charCodeAt(0), needle.charCodeAt(1))] = 1;
    } else if (prefix && term.words.length === 1) {
      if (bare.length < 2) throw new Error(`prefix term too short: ${raw}`);
      add(STEMS, pairKey(bare.charCodeAt(0), bare.charCodeAt(1)), term);
    } else add(EXACT, term.words[0]!, term);
  }
}

/** Words of a label in which a strong phrase still decides. */
const STRONG_WORDS = 4;

/** The shortest in-word needle of Latin letters ("iban"); CJK needles are two characters. */
const SHORTEST_LATIN_NEEDLE = Math.min(...[...IN_WORD.values()].flat().filter((t) => t.words[0]!.charCodeAt(0) < 0x250).map((t) => t.words[0]!.length));

/** Per-call marks of the terms already seen: a term counts at its first occurrence only. */
const seen = new Uint32Array(TERM_COUNT);
let stamp = 0;

function continues(term: Term, words: readonly string[], i: number): boolean {
  const n = term.words.length;
  if (i + n > words.length) return false;
  for (let k = 1; k < n; k++) {
    const w = words[i + k]!;
    const want = term.words[k]!;
    if (term.prefix && k === n - 1 ? !w.startsWith(want) : w !== want) return false;
  }
  return true;
}

// The running best of one bestMatch call, kept at module level so a call allocates nothing.
let labelMode = true;
let strong: Term | undefined;
let weakNegative: Term | undefined;
let firstNegative = 0;
let best: Term | undefined;
let bestAt = 0;
let bestIndex = 0;
let role: Term | undefined;

function consider(term: Term, at: number, index: number): void {
  if (seen[term.order] === stamp) return;
  seen[term.order] = stamp;
  // In a label, a strong phrase decides only near the start: later words are help text
  // ("ZIP code — we'll use this to verify your card", "street address, PO box, company name").
  if (term.rule.role) {
    role ??= term;
  } else if (term.rule.strong && (!labelMode || index < STRONG_WORDS)) {
    if (!strong || term.order < strong.order) strong = term;
  } else if (term.rule.kind === null) {
    if (!weakNegative || term.order < weakNegative.order) weakNegative = term;
    if (index < firstNegative) firstNegative = index;
  } else if (!best || (labelMode ? at < bestAt || (at === bestAt && (term.length > best.length || (term.length === best.length && term.order < best.order))) : at + term.length > bestAt + best.length || (at + term.length === bestAt + best.length && term.order < best.order))) {
    best = term;
    bestAt = at;
    bestIndex = index;
  }
}

/**
 * The deciding vocabulary rule for a text's words. Strong rules win in list
 * order; then personal kinds compete by position: in a label the first term is
 * the subject ("Phone number on your credit card statement"), in an identifier
 * the last one is the head noun ("cardFirstNameOnCard", "BDayPhone_tel2").
 * Weak negatives ("Country", "Description") decide only when nothing personal matched.
 */
export function bestMatch(words: readonly string[], mode: 'label' | 'identifier'): Match | undefined {
  if (words.length === 0) return undefined;
  if (++stamp === 0xffffffff) {
    seen.fill(0);
    stamp = 1;
  }
  labelMode = mode === 'label';
  strong = weakNegative = best = role = undefined;
  firstNegative = Infinity;
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const exact = EXACT.get(w);
    if (exact) for (const t of exact) if (t.words.length === 1 || continues(t, words, i)) consider(t, at, i);
    const n = w.length;
    if (n >= 2) {
      const stems = STEMS.get(pairKey(w.charCodeAt(0), w.charCodeAt(1)));
      if (stems) for (const t of stems) if (w.startsWith(t.words[0]!)) consider(t, at, i);
      // In-word terms ("~adresse" in "rechnungsadresse"), by the letter pair they start with; no needle fits in a shorter word.
      let a = w.charCodeAt(0);
      const shortest = a < 0x250 && w.charCodeAt(n - 1) < 0x250 ? SHORTEST_LATIN_NEEDLE : 2;
      for (let j = 0; j + shortest <= n; j++) {
        const b = w.charCodeAt(j + 1);
        if (PAIR[pairSlot(a, b)] !== 0) {
          const list = IN_WORD.get(pairKey(a, b));
          if (list) for (const t of list) if (w.startsWith(t.words[0]!, j)) consider(t, at + j, i);
        }
        a = b;
      }
    }
    at += n;
  }
  if (strong) return strong;
  // "Enter the amount you'd like to pay with your gift card": the head is in the first words, the rest is help text.
  if (best && labelMode && weakNegative && firstNegative < STRONG_WORDS && bestIndex >= STRONG_WORDS) return weakNegative;
  return best ?? role ?? weakNegative;
}
