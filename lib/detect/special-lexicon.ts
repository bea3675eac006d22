/**
 * Words that make a sentence a statement of special-category (Art. 9) or
 * criminal (Art. 10) data, in EN, DE, FR, ES, IT and NL, and the words that
 * anchor it to a person or show it is about a product, organisation or market.
 *
 * Entries are '|'-separated; tokens inside an entry are space-separated; a
 * trailing '*' matches any word that starts with the token. Weight 2 ("self")
 * words only describe people ("diabetic", "vorbestraft"); weight 1 words need a
 * person in the sentence. Diacritics are folded before matching.
 */
import type { Kind } from './kinds';
import { ENGLISH_CUES, ENGLISH_IDIOMS, PARTNER_FEMALE_NAMED, PARTNER_MALE_NAMED } from './special-english';
import { WORDNET_CUES } from './special-wordnet';

export type SpecialKind = Extract<
  Kind,
  'health' | 'religion' | 'political' | 'ethnicity' | 'sexual_orientation' | 'trade_union' | 'biometric' | 'genetic' | 'criminal'
>;

/** "(der GF) für die AfD im Stadtrat sitzt": German puts the verb last, so the party and the body make the statement. */
function germanSeats(): string {
  const parties = ['afd', 'spd', 'cdu', 'csu', 'fdp', 'grunen', 'linke', 'linken', 'bsw', 'freien wahler', 'ovp', 'fpo', 'neos', 'svp'];
  const bodies = ['stadtrat', 'gemeinderat', 'kreistag', 'landtag', 'bundestag', 'nationalrat', 'bezirksrat', 'ortsbeirat'];
  return parties.flatMap((p) => bodies.flatMap((b) => [`fur die ${p} im ${b}`, `fur den ${p} im ${b}`, `fur ${p} im ${b}`])).join('|');
}

export const SPECIAL_KINDS: readonly SpecialKind[] = [
  'health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal',
];

export const PARTIES =
  'extinction rebellion|just stop oil|black lives matter|antifa|momentum|lib dems|libdems|the tory party|tory|democrats|republicans|the gop|gop|dems|reform uk|ukip|snp|plaid cymru|sinn fein|the snp|freie wahler|die partei|ovp|fpo|reconquete|les ecologistes|eelv|ciudadanos|erc|junts|bildu|azione|italia viva|christenunie|sgp|ja21|fvd|volt|' +
  'labour|the labour party|tories|the tories|the conservatives|the conservative party|the lib dems|the liberal democrats|the green party|the greens|the republicans|the democrats|the republican party|the democratic party|' +
  'spd|der spd|cdu|der cdu|csu|der csu|afd|der afd|fdp|der fdp|grunen|den grunen|die grunen|der grunen|die linke|der linken|den linken|bsw|' +
  'rassemblement national|rn|lfi|la france insoumise|les republicains|le parti socialiste|ps|' +
  'psoe|el psoe|pp|el pp|vox|podemos|sumar|' +
  'fratelli d italia|la lega|lega|pd|il pd|m5s|forza italia|' +
  // South Africa, India, Canada, Australia
  'anc|the anc|african national congress|bjp|the bjp|bharatiya janata party|economic freedom fighters|the eff|aam aadmi party|shiv sena|trinamool|ndp|the ndp|bloc quebecois|one nation|the nationals|' +
  'vvd|de vvd|pvv|de pvv|d66|cda|het cda|groenlinks|pvda|de pvda|bbb|de bbb';
const IDEOLOGIES =
  'conservative|liberal|left|right|green|labour|socialist|communist|libertarian|progressive|republican|democrat|konservativ|links|rechts|grun|sozialistisch|' +
  'ecologiste|ecologista|ecologist|okologisch|centriste|centrista|conservateur|a gauche|a droite|socialiste|izquierda|derecha|a la izquierda|a la derecha|sinistra|destra|a sinistra|a destra|progressief';
export const IDEOLOGY_WORDS = IDEOLOGIES;
/** Politicians whose supporters are named after them ("a big Trump fan", "Meloni-Wählerin"). */
const LEADERS = 'trump|biden|harris|obama|farage|corbyn|starmer|sunak|le pen|macron|melenchon|zemmour|meloni|salvini|schlein|wilders|weidel|hocke|wagenknecht|merz|scholz|sanchez|abascal|feijoo|orban|erdogan|putin';
export function leaderSupporters(): string {
  const out: string[] = [];
  for (const l of LEADERS.split('|')) {
    for (const f of ['fan', 'supporter', 'voter', 'loyalist', 'anhanger', 'anhangerin', 'wahler', 'wahlerin', 'fan van', 'aanhanger']) out.push(`${l} ${f}`);
    for (const f of ['fan of', 'supporter of', 'fan von', 'anhanger von', 'fan de', 'partisan de', 'partisane de', 'electeur de', 'electrice de', 'votante de', 'seguidor de', 'seguidora de', 'elettore di', 'elettrice di', 'sostenitore di', 'sostenitrice di', 'aanhanger van', 'kiezer van']) out.push(`${f} ${l}`);
  }
  return out.join('|');
}

/** A verb of support right before a party or a political direction ("votes for the Greens", "Mitglied bei den Grünen", "votes conservative") is a political statement. */
export const PARTY_VERBS = 'branch secretary for|secretary for|branch chair for|chairman for|chairperson for|ward councillor for|votes|voted|vote|votes for|voted for|will vote for|supports|supporter of|member of|campaigns for|helps|helped|helps at|helps out at|helps out for|volunteers for|volunteers at|volunteered on|volunteers on|volunteering on|volunteering for|volunteered with|volunteers with|volunteered for|campaigned for|campaigning for|canvasses for|canvassing for|donates to|donated to|donor to|stands for|stood for|runs for|running for|ran for|sits for|councillor for|council for|ran as a|runs as a|running as a|stood as a|stands as a|standing as a|ran as|stood as|candidate for|mp for|marched with|marches with|marching with|protested with|protests with|demonstrated with|active in|activist in|activist with|activist for|leafleting for|' +
  'sitzt fur|sass fur|sitzen fur|hilft bei|hilft der|half bei|aktiv bei|aktiv fur|engagiert sich bei|engagiert sich fur|wahlkampf fur|spendet an|spendete an|kandidiert fur|kandidierte fur|sitzt fur|stimmt fur|' +
  'milite pour|milite au|milite a|fait campagne pour|soutient|milita en|hace campana por|apoya a|milita nel|milita per|fa campagna per|sostiene|vrijwilliger bij|actief bij|campagne voor|stemt voor|wahlt|gewahlt|mitglied der|mitglied bei|mitglied in der|vote pour|vota a|vota por|voto a|vota per|ha votato|stemt op|stemde op|lid van|lid van de';

const BASE_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = {
  health: {
    self:
      'diabetic|diabetiker*|is expecting|expecting a baby|expecting twins|addicted|wheelchair|rollstuhl|im rollstuhl|uses a wheelchair|is pregnant|pregnant|schwanger|krankgeschrieben|on sick leave|off sick|is sick|is ill|was diagnosed|been diagnosed|diagnosed with|undergoing chemo*|cancer patient|is disabled|wheelchair user|depressed|alcoholic|alkoholiker*|erkrankt|schwerbehindert*|hat krebs|an krebs|is in hospital|im krankenhaus|liegt im krankenhaus|' +
      'diabetique*|enceinte|hospitalise*|est malade|seropositi*|en arret maladie|' +
      'diabetico|diabetica|embarazada|hospitalizad*|esta enfermo|esta enferma|de baja medica|' +
      'diabetica|incinta|ricoverat*|e malato|e malata|in malattia|sieropositiv*|' +
      'diabeet|diabeten|zwanger|ziekgemeld|is ziek|opgenomen in het ziekenhuis|gehandicapt',
    plain:
      'migraine*|arthritis|rheumatism|hypertension|high blood pressure|copd|hepatitis|tuberculosis|covid|long covid|dialysis|transplant|pacemaker|obesity|eating disorder|anorexi*|bulimi*|bipolar|schizophreni*|ptsd|addiction|psychiatric|paralysed|paralyzed|amputee|visually impaired|' +
      'migrane|rheuma|arthrose|bluthochdruck|tinnitus|dialyse|transplantation|herzschrittmacher|essstorung|magersucht|bipolar*|schizophren*|sucht|alkoholsucht|drogensucht|psychiatri*|gelahmt|' +
      'infarctus|crise cardiaque|avc|sclerose en plaques|dialyse|greffe|handicape|handicapee|anorexie|' +
      'infarto|ictus|migrana|dialisis|trasplante|esclerosis|discapacitado|discapacitada|' +
      'emicrania|dialisi|trapianto|sclerosi|invalido|invalida|' +
      'hartaanval|beroerte|dialyse|transplantatie|verslaving|' +
      'diabetes|cancer|tumor|tumour|chemo*|hiv|depression|burnout|burn out|anxiety|panic attack*|mental health|mental illness|illness|disease|disability|surgery|operated|therapy|therapist|medication|allerg*|asthma|epilep*|adhd|autis*|dementia|alzheimer*|parkinson*|stroke|heart attack|multiple sclerosis|sick leave|in hospital|in the hospital|admitted to hospital|hospitalised|hospitalized|rehab|pregnancy|maternity leave|miscarriage|insulin|blind|deaf|hearing impaired|' +
      'krebs|tumor|krankheit|erkrankung|diagnose|depression*|angststörung|psychisch*|therapie|medikament*|allergi*|asthma|epilepsie|adhs|demenz|schlaganfall|herzinfarkt|multiple sklerose|ins krankenhaus|in der reha|reha|schwangerschaft|mutterschutz|fehlgeburt|behinderung|gehörlos|sehbehindert*|bandscheibenvorfall|' +
      'diabete|maladie|depression|cancer|chimiotherapie|handicap*|grossesse|conge maternite|arret maladie|a l hopital|medicament*|allergi*|therapie|sourd*|' +
      'diabetes|cancer|enfermedad|depresion|quimioterapia|discapacidad|embarazo|baja maternal|baja por enfermedad|en el hospital|medicamento*|alergi*|terapia|sordo|sorda|' +
      'diabete|cancro|tumore|malattia|depressione|chemioterapia|disabilita|disabile|gravidanza|maternita|in ospedale|farmac*|allergi*|terapia|' +
      'suikerziekte|kanker|ziekte|depressie|burn-out|chemo|ziekteverlof|in het ziekenhuis|zwangerschap|zwangerschapsverlof|medicijn*|allergi*|therapie|handicap',
  },
  religion: {
    self:
      'muslim|muslima|moslem|catholic|protestant|jewish|jew|hindu|buddhist|sikh|atheist|agnostic|mormon|jehovah s witness|evangelical|practising christian|practicing christian|devout|' +
      'muslimisch|katholisch|katholik*|evangelisch|jude|judin|judisch|buddhist*|atheist*|zeugen jehovas|zeuge jehovas|' +
      'musulman|musulmane|catholique|juif|juive|protestante|bouddhiste|athee|pratiquant|pratiquante|' +
      'musulman|musulmana|catolico|catolica|judio|judia|evangelico|evangelica|budista|ateo|atea|practicante|' +
      'musulmano|musulmana|cattolico|cattolica|ebreo|ebrea|buddista|praticante|' +
      'moslima|katholiek|joods|jood|protestants|boeddhist|atheist|gelovig',
    plain:
      'religion|religious|faith|church|mosque|synagogue|temple|ramadan|prays|praying|prayer|kosher|halal|baptised|baptized|' +
      'religion|religios|glaube|glaubens*|kirche|kirchengemeinde|moschee|synagoge|betet|gebet|konfession|konfirmation|kirchenaustritt|' +
      'religion|religieux|religieuse|eglise|mosquee|synagogue|prie|priere|' +
      'religion|religioso|religiosa|iglesia|mezquita|sinagoga|reza|oracion|' +
      'religione|religioso|religiosa|chiesa|moschea|sinagoga|prega|preghiera|' +
      'religie|religieus|geloof|kerk|moskee|synagoge|bidt|gebed',
  },
  political: {
    self:
      'party member|parteimitglied|left wing|right wing|far right|far left|rechtsextrem*|linksextrem*|rechtsradikal*|linksradikal*|' +
      'militant|militante|encarte|encartee|afiliado al partido|afiliada al partido|iscritto al partito|iscritta al partito|partijlid',
    plain:
      'votes for|voted for|voting for|vote for|supporter of|supports the|political views|political opinion*|politically active|political activist|activist|campaigns for|' +
      'labour|tory|tories|conservative party|lib dems|liberal democrats|green party|republican|republicans|democrat|democrats|maga|trump supporter|' +
      'wahlt|gewahlt|politische einstellung|politische meinung|politisch aktiv|aktivist*|spd|cdu|csu|afd|fdp|die grunen|grune|die linke|bsw|ovp|fpo|' +
      'vote pour|opinions politiques|rassemblement national|france insoumise|lfi|les republicains|parti socialiste|' +
      'vota a|voto a|ideas politicas|psoe|partido popular|vox|podemos|sumar|' +
      'vota per|idee politiche|fratelli d italia|lega|partito democratico|movimento 5 stelle|forza italia|' +
      'stemt op|politieke voorkeur|vvd|pvv|d66|cda|groenlinks|pvda|partij voor de dieren|bbb',
  },
  ethnicity: {
    self:
      'migrationshintergrund|turkischstammig|russlanddeutsch*|sinti|roma|allochtoon|allochtone|african american|afro american|hispanic|latino|latina|indigenous|aboriginal|' +
      'gitano|gitana|zingaro|zingara',
    plain:
      'ethnic*|ethnicity|descent|of origin|origin|origins|race|racial|ethnisch*|herkunft|abstammung|volkszugehorigkeit|hautfarbe|' +
      'origine ethnique|d origine|ethnie|origen etnico|de origen|etnia|origine etnica|di origine|etnico|etnica|etnische|afkomst|etniciteit',
  },
  sexual_orientation: {
    self:
      'gay|lesbian|bisexual|homosexual|queer|transgender|same sex partner|' +
      'schwul|lesbisch|homosexuell|bisexuell|' +
      'homosexuel|homosexuelle|lesbienne|bisexuel|bisexuelle|' +
      'lesbiana|bisexual|' +
      'omosessuale|lesbica|bisessuale|' +
      'homoseksueel|homo|lesbienne|biseksueel',
    plain:
      'sexual orientation|sexuality|coming out|came out|sexuelle orientierung|sexualitat|orientation sexuelle|orientacion sexual|orientamento sessuale|seksuele geaardheid|seksuele orientatie',
  },
  trade_union: {
    self:
      'union member|union membership|union rep|union representative|shop steward|joined the union|member of the union|gewerkschafter*|gewerkschaftsmitglied*|vertrauensmann der gewerkschaft|' +
      'syndique|syndiquee|delegue syndical|deleguee syndicale|sindicalista|afiliado al sindicato|afiliada al sindicato|iscritto al sindacato|iscritta al sindacato|sindacalista|vakbondslid|lid van de vakbond',
    plain:
      'trade union|labor union|labour union|member of unite|unite union|unite the union|teamsters|afl cio|unison|seiu|uaw|' +
      'gewerkschaft*|ig metall|verdi|ver di|ig bce|ig bau|dgb|gew|evg|gdl|' +
      'syndicat|cgt|cfdt|sindicato|ccoo|ugt|sindacato|cgil|cisl|uil|vakbond|fnv|cnv',
  },
  biometric: {
    self: 'her fingerprint|his fingerprint|ihr fingerabdruck|sein fingerabdruck',
    plain:
      'fingerprint*|facial recognition|face scan|iris scan|retina scan|voiceprint|biometric*|' +
      'fingerabdr*|gesichtserkennung|gesichtsscan|irisscan|stimmabdruck|biometrisch*|' +
      'empreinte digitale|empreintes digitales|reconnaissance faciale|biometrique*|' +
      'huella dactilar|huellas dactilares|reconocimiento facial|biometric*|' +
      'impronta digitale|impronte digitali|riconoscimento facciale|biometric*|' +
      'vingerafdruk*|gezichtsherkenning|biometrisch*',
  },
  genetic: {
    self: 'brca1|brca2|brca mutation|carries the gene|tragerin|genetic predisposition',
    plain:
      'dna|genetic|genetics|genetically|gene test|genetic test|hereditary|23andme|ancestrydna|' +
      'gentest|genetisch*|erbkrankheit|erbgut|erblich*|veranlagung|' +
      'genetique|test genetique|adn|hereditaire|' +
      'genetico|genetica|prueba genetica|hereditari*|' +
      'test genetico|ereditari*|' +
      'erfelijk*|dna test',
  },
  criminal: {
    self:
      'jailed|imprisoned|ermittlungsverfahren|strafverfahren|anzeige wegen|convicted|conviction|criminal record|prior record|served time|in prison|in jail|was arrested|been arrested|charged with|on probation|on parole|sex offender|ex convict|felony|felon|' +
      'vorbestraft|vorstrafe*|verurteilt|haftstrafe|im gefangnis|saß im gefangnis|festgenommen|auf bewahrung|bewahrungsstrafe|strafverfahren gegen|ermittlungsverfahren gegen|eintrag im fuhrungszeugnis|' +
      'casier judiciaire|condamne|condamnee|incarcere|incarceree|en prison|garde a vue|' +
      'antecedentes penales|condenado|condenada|en la carcel|en prision|detenido|detenida|' +
      'precedenti penali|condannato|condannata|pregiudicato|pregiudicata|in carcere|arrestato|arrestata|' +
      'strafblad|veroordeeld|in de gevangenis|gearresteerd|celstraf|taakstraf',
    plain: 'prison|jail|arrest|fraud charges|theft|assault|dui|drunk driving|gefangnis|haft|diebstahl|betrug|korperverletzung|trunkenheit am steuer|prison|vol|carcel|robo|carcere|furto|gevangenis|diefstal|fraude',
  },
};

/**
 * Strong anchors: titles, personal pronouns and common first names put a
 * particular person in the sentence, so organisation words do not outweigh them.
 */
export const PERSON_ANCHORS =
  'he|she|him|her|his|hers|himself|herself|i|my|me|mr|mrs|ms|miss|dr|' +
  'er|sie|ihm|ihn|ihr|ihre|ihrer|sein|seine|seiner|seinem|seinen|ich|mein|meine|herr|herrn|frau|kdin|' +
  'elle|lui|je|mon|ma|m|mme|mlle|monsieur|madame|' +
  // "il" is also the Italian article and "el" the Spanish one ("él" folds to "el"): only with a verb are they "he".
  'il est|il a|il etait|il fait|il vit|il va|il souffre|il prie|il vote|il milite|il sera|' +
  'ella|yo|mi|sr|sra|srta|senor|senora|don|dona|el es|el esta|el tiene|el fue|el vota|' +
  'lei|io|mio|mia|sig|sigra|signor|signore|signora|dott|' +
  'hij|zij|ze|hem|haar|ik|mijn|dhr|mevr|meneer|mevrouw|' +
  // Common first names in the six languages (and frequent immigrant names), deliberately without words like "Will" or "Mark".
  'james|john|robert|michael|david|richard|joseph|thomas|charles|daniel|matthew|anthony|paul|steven|andrew|kevin|brian|george|edward|tom|peter|alex|chris|dave|mike|jane|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|nancy|emma|olivia|emily|anna|laura|kate|claire|rachel|' +
  'thomas|stefan|andreas|michael|markus|christian|jan|tobias|lukas|jonas|klaus|jurgen|wolfgang|uwe|dieter|hans|sabine|petra|monika|andrea|claudia|julia|katrin|nicole|stefanie|birgit|ursula|lena|lea|hannah|' +
  'jean|pierre|michel|philippe|nicolas|francois|laurent|julien|antoine|marie|nathalie|isabelle|sylvie|sophie|camille|manon|' +
  'jose|antonio|manuel|francisco|javier|carlos|miguel|pablo|alejandro|maria|carmen|lucia|elena|isabel|pilar|marta|' +
  'giuseppe|giovanni|marco|luca|andrea|francesco|alessandro|matteo|giulia|francesca|chiara|sara|valentina|federica|' +
  'jeroen|pieter|dirk|sander|bram|joost|anouk|sanne|femke|lotte|eva|' +
  'mehmet|ahmet|ahmed|hassan|ibrahim|mustafa|ali|fatma|ayse|emine|yusuf|mohammed|mohamed|fatima|aisha|omar|kevin|jason|ryan|eric|lucas|noah|liam|mia|sophia|chloe|zoe|ana|ines|nadia|sven|lars|piotr|anna|olga|ivan';

/** Role nouns that usually mean a person (weaker: "Kunde" may be a company). */
export const PERSON_ROLES =
  // Possessives that also mean "its" (son, su, suo, zijn): a person, but not one that outweighs organisation words.
  'son|sa|ses|su|sus|suo|sua|zijn|' +
  // German role compounds ("Einkaufsleiter", "Stammkundin") and English job titles.
  'nutzer|nutzerin|anwender|anwenderin|*leiter|*leiterin|*kunde|*kundin|*manager|*managerin|*fuhrer|*fuhrerin|*chef|*chefin|*berater|*beraterin|head of|procurement head|purchasing head|procurement lead|purchasing lead|project lead|team lead|tech lead|account lead|it lead|finance lead|hr lead|ops lead|officer|coordinator|consultant|engineer|specialist|administrator|' +
  'clienta|contacto|contatto|contactpersoon|kontaktperson|interlocutor|interlocutora|referente|manager|managerin|gerente|einkauferin|ansprechpartnerin|' +
  'guy|lady|gentleman|applicant|new hire|intern|trainee|chairman|chairwoman|chairperson|president|vp|svp|evp|boss|supervisor|analyst|architect|developer|lawyer|attorney|accountant|receptionist|secretary|technician|salesperson|sales rep|account manager|' +
  'bewerber|bewerberin|praktikant*|azubi|auszubildende*|vorstand|vorstandin|prokurist*|sachbearbeiter*|assistent|assistentin|sekretarin|fahrer|fahrerin|techniker*|entwickler*|buchhalter*|jurist*|anwalt|anwaltin|architekt*|' +
  'stagiaire|assistante|secretaire|avocat|avocate|comptable|technicien|technicienne|presidente|responsable|becario|becaria|abogado|abogada|contable|tecnico|tecnica|secretaria|presidenta|stagista|avvocato|avvocata|contabile|segretaria|ragioniere|' +
  'stagiair|advocaat|boekhouder|monteur|secretaresse|voorzitter|medewerker|medewerkster|collega|directrice|' +
  'champion|stakeholder|counterpart|gatekeeper|signatory|approver|inkoopster|inkoper|klantcontact|contactpersoon|customer|client|contact|buyer|patient|wife|husband|son|daughter|mother|father|partner|colleague|employee|ceo|cfo|cto|coo|cio|founder|owner|director|assistant|purchaser|decision maker|' +
  'kunde|kundin|ansprechpartner*|mandant|mandantin|ehefrau|ehemann|sohn|tochter|mutter|vater|kollege|kollegin|mitarbeiter|mitarbeiterin|geschaftsfuhrer*|einkaufer*|inhaber|inhaberin|leiter|leiterin|chef|chefin|' +
  'client|cliente|femme|mari|fils|fille|collegue|interlocuteur|interlocutrice|acheteur|acheteuse|directeur|directrice|gerant|gerante|' +
  'esposa|marido|hijo|hija|madre|padre|companero|companera|comprador|compradora|director|directora|gerente|' +
  'moglie|marito|figlio|figlia|collega|titolare|responsabile|acquirente|direttore|direttrice|' +
  'klant|vrouw|man|zoon|dochter|contactpersoon|inkoper|directeur|eigenaar';

/** Verbs of telling and suffering imply a human subject ("told me", "suffers from", "leidet an"). */
export const PERSON_VERBS =
  'takes|uses|keeps|prefers|believes|fasts|fasting|attends|lives with|came out|identifies|enrolled|nimmt|glaubt|fastet|lebt mit|' +
  'prays|told|said|mentioned|asked|explained|suffers|suffering|battling|recovering|diagnosed|' +
  'erzahlte|erzahlt|sagte|erwahnte|meinte|leidet|' +
  'a dit|m a dit|a mentionne|souffre|dijo|comento|menciono|sufre|ha detto|ha raccontato|soffre|zei|vertelde|lijdt|heeft last van|last van|leidet unter|soffre di|sufre de|souffre de';

/** Words that show a statement is about products, organisations or markets (weight 2). */
export const PRODUCT_MARKET =
  // Selling ("verkauft Hörgeräte"), and pets: a dog's operation is no one's health data.
  'her dog|his dog|their dog|my dog|our dog|her cat|his cat|their cat|my cat|her horse|his horse|puppy|kitten|labrador|retriever|spaniel|terrier|poodle|ihr hund|sein hund|der hund|dem hund|den hund|des hundes|hund von|die katze|der katze|katze von|pferd von|stocks|test kit|distributes|distributor|manufactures|manufacturer|verkauft|vertreibt|liefert|' +
  'builds|construction|contractor|contractors|renovation|renovations|refurbishment|product|products|portfolio|market|markets|industry|segment|sector|brochure|catalog|catalogue|webinar|trade fair|study|studies|research|device|devices|test strips|sell|sells|selling|sold|supply|supplies|offer|offers|launch|login|logins|app|api|apis|service|resell|resells|reseller|policy|policies|reader*|scanner*|sensor*|sdk|sequencer*|kits|solution|solutions|software|platform|module|feature|range|stock|pricing|price|patients|people with|target group|situation|landscape|regulation|regulations|election year|lists|lineup|' +
  // Not 'produkt*': "Produktion" (the shop floor) and "Produktivität" are no products.
  'produkt|produkte|produkten|produktes|produkts|produktlinie|produktpalette|produktportfolio|produktreihe|produktangebot|produktkatalog|produktdemo|produktmanager*|sortiment|markt*|branche|verkaufen|vertreiben|vertrieb|losung|losungen|modul|module|funktion|login*|dienstleistung|weiterverkauf*|vorlage|richtlinie|teststreifen|auf der messe|zur messe|die messe|der messe|messestand|studie|lesegerat*|katalog|zielgruppe|patienten|menschen mit|lage|situation|angebot|preis*|' +
  'produit*|marche|marches|gamme|secteur|lecteur*|fonction|fonctionnalite|vendons|vendre|catalogue|etude|cible|patients|situation|' +
  'producto*|mercado*|sector|vendemos|vender|gama|linea|lector*|modulo|funcion|catalogo|estudio|pacientes|situacion|' +
  'prodott*|mercato|mercati|settore|vendiamo|vendere|gamma|lettor*|modulo|funzione|catalogo|studio|pazienti|situazione|' +
  'product*|markt|markten|sector|verkopen|verkoop|assortiment|lezer*|functie|catalogus|studie|doelgroep|patienten|situatie';

/** Organisation words (weight 1): a hospital or church as an account is not a person's data. */
export const ORGANISATIONS =
  'gesellschaft|verband|verein|bund|netzwerk|network|netwerk|reseau|rete|society|federation|alliance|institute|trust|centro|centrum|*zentrum|*centrum|*center|*verband|*gesellschaft|*verein|*netzwerk|*kirche|' +
  'pfarrgemeinde|kirchengemeinde|pfarrei|pfarrburo|pfarrbuero|gemeindesaal|fund|pension fund|pensionskasse|' +
  'street|road|avenue|lane|strasse|rue|calle|via|straat|platz|square|hall|halls|building|premises|venue|saal|gebaude|gemeindehaus|salle|sala|zaal|' +
  'council|zentralrat|conseil|consejo|consiglio|museum|museo|musee|hotel|broschure|brochure|flyer|datenblatt|lab|labs|labor|laboratory|laboratoire|labo|laboratorio|laboratorium|headquarters|hq|zentrale|restaurant*|chain of|congress|kongress|congres|congreso|congresso|congres|conference|konferenz|tender|ausschreibung|appel d offres|licitacion|licita|bando|aanbesteding|department|abteilung|division|' +
  'campaign|campaigns|kampagne|campagne|campana|campagna|services|group|gruppe|holding|partners|systems|center|centre|zentrum|healthcare|pharma|charity|diakonie|caritas|bistum|diocese|new customer|neuer kunde|neukunde|bestandskunde|nouveau client|nuevo cliente|nuovo cliente|nieuwe klant|' +
  'gmbh|ag|inc|ltd|llc|plc|corp|company|firm|association|foundation|university|school|clinic|klinik*|klinikum|verein|stiftung|universitat|schule|hochschule|societe|entreprise|fondation|universite|clinique|empresa|fundacion|universidad|clinica|azienda|fondazione|universita|bedrijf|stichting|universiteit|vereniging|' +
  // An organisation signed as an account ("Evangelische Kirche als Kunde", "criminal law firm signed as a client").
  'as a customer|as a client|as customer|as client|is a customer|als kunde|als neukunde|als kundin|comme client|como cliente|come cliente|als klant|' +
  'european union|the eu|die eu|credit union|customs union|union of|student union|students union|union square|union station';

/** Membership words raise political and trade-union statements. */
export const MEMBERSHIP = 'rep|representative|steward|delegate|delegato|delegata|delegado|delegada|delegue|deleguee|delegierte*|afgevaardigde|member|mitglied|membre|adherent|miembro|afiliado|afiliada|iscritto|iscritta|membro|lid|joined|eingetreten|beigetreten';

const BODY_PARTS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'nl', string>> = {
  en: 'knee|hip|back|shoulder|heart|leg|arm|wrist|ankle|foot|hand|neck|spine|eye|hernia|kidney|liver|lung|gallstone|gallbladder|bladder|bowel|prostate|appendix|tonsil|sinus|cataract|ear|jaw|elbow|achilles|acl|cruciate|bunion|varicose vein|thyroid|womb|ovary|breast|colon|stomach|brain|spinal|disc',
  de: 'knie|huft|hufte|rucken|schulter|herz|bein|arm|handgelenk|knochel|fuss|hand|nacken|wirbelsaulen|augen|bandscheiben|meniskus|kreuzband|leisten|blinddarm|gallen|magen|darm|lungen|nieren|leber|krebs|tumor|brust',
  fr: 'genou|hanche|dos|epaule|coeur|jambe|bras|poignet|cheville|pied|main|cou',
  es: 'rodilla|cadera|espalda|hombro|corazon|pierna|brazo|muneca|tobillo|pie|mano|cuello',
  it: 'ginocchio|anca|schiena|spalla|cuore|gamba|braccio|polso|caviglia|piede|mano|collo',
  nl: 'knie|heup|rug|schouder|hart|been|arm|pols|enkel|voet|hand|nek',
};
/** "broke his leg", "Hüft-OP", "jambe cassée": an injury or operation of a body part. */
function injuries(): string {
  const out: string[] = [];
  const parts = (l: keyof typeof BODY_PARTS) => BODY_PARTS[l].split('|');
  for (const p of parts('en')) out.push(`broke his ${p}`, `broke her ${p}`, `broken ${p}`, `injured his ${p}`, `injured her ${p}`, `hurt his ${p}`, `hurt her ${p}`, `${p} surgery`, `${p} operation`, `${p} op`, `${p} injury`);
  for (const p of parts('de')) out.push(`${p} op`, `${p} operation`, `${p}operation`, `${p}bruch`, `${p} gebrochen`);
  for (const p of parts('fr')) out.push(`${p} casse`, `${p} cassee`, `operation du ${p}`, `operation de la ${p}`, `blessure au ${p}`);
  for (const p of parts('es')) out.push(`${p} rota`, `${p} roto`, `operacion de ${p}`, `lesion de ${p}`);
  for (const p of parts('it')) out.push(`${p} rotta`, `${p} rotto`, `intervento al ${p}`, `intervento alla ${p}`, `operazione al ${p}`);
  for (const p of parts('nl')) out.push(`${p} gebroken`, `${p}operatie`, `${p}blessure`);
  return out.join('|');
}

/** English-speaking unions whose names are also ordinary words ("Unite", "NEU"): a finding only with a role word after them. */
const UNION_NAMES = 'unite|unison|gmb|usdaw|rmt|neu|nasuwt|ucu|pcs|cwu|bma|rcn|aslef|teamsters|seiu|uaw|afscme|ibew|nea|aft';
function unionRoles(): string {
  const out: string[] = [];
  for (const u of UNION_NAMES.split('|')) for (const r of ['rep', 'representative', 'steward', 'convenor', 'member', 'official', 'branch', 'organiser', 'organizer']) out.push(`${u} ${r}`);
  // "member of the NEU", "joined Unite": the names as the object of a membership phrase.
  for (const u of UNION_NAMES.split('|')) for (const m of ['member of the', 'member of', 'joined the', 'joined', 'active in the', 'active in', 'in the']) out.push(`${m} ${u}`);
  return out.join('|');
}

/**
 * Concept families added after the held-out measurement: inflected and
 * compound forms ('*head' matches a compound ending so: "Brustkrebs"), the
 * same concepts in all six languages, offences, offices, denominations and
 * minorities, rather than single sentences' words.
 */
const MORE_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = {
  health: {
    self:
      `${injuries()}|` +
      'signed off sick|signed off work|off work with|on medical leave|medical leave|for health reasons|for medical reasons|aus gesundheitlichen grunden|gesundheitlich angeschlagen|ausser gefecht|pour raisons de sante|por motivos de salud|per motivi di salute|om gezondheidsredenen|' +
      'expecting a baby|expecting a child|expecting her|erwartet ein kind|erwartet nachwuchs|in anderen umstanden|attend un enfant|attend un bebe|espera un hijo|espera un bebe|aspetta un bambino|aspetta un figlio|verwacht een kind|verwacht een baby|' +
      'undergoing treatment|in treatment for|in behandlung|en traitement|en tratamiento|in cura per|in behandeling|' +
      '*krank|*kranke|*kranker|*gelahmt|*gelahmte|*allergiker|*allergikerin|*diabetiker|*diabetikerin|' +
      'partially sighted|sight impaired|hard of hearing|hearing impaired|visually impaired|on crutches|hat ms|an ms erkrankt|mit ms|has ms|heeft ms|ms patient*|arbeitsunfahig*|krankgemeldet|suchtkrank*|gehbehindert*|schwerhorig*|' +
      'malade|malata|malato|enfermo|enferma|ziek|ziekgeschreven|ingresado|ingresada|ricoverato|ricoverata|en convalescence|herstellende',
    plain:
      'antibiotic*|antibiotika|antidepressiv*|steroid*|on medication|takes medication|nimmt medikamente|hernia|hernie|ernia|herniated disc|hernie discale|ernia del disco|*patient|*patientin|' +
      'diagnosis|symptoms|prognosis|reuma|reumatisme|reumatismo|rhumatisme|artritis|artrite|artrose|' +
      'leuk*|lymphom*|melanom*|sarcom*|carcinom*|karzinom*|metasta*|crohn*|colitis|lupus|psoriasis|coeliac|celiac|zoliakie|thyroid|schilddruse*|kidney failure|nierenversagen|cirrhosis|aids|infected|infiziert|stress related|breakdown|zusammenbruch|esaurimento|exhaustion|erschopfung|' +
      'antidepressant*|painkiller*|radiotherapy|radiation therapy|hearing aid|wheelchair*|prosthe*|injur*|broken leg|broken arm|fracture*|hip replacement|knee surgery|operated on|an operation|recovering|recovery|chronic*|syndrome|disorder|sick|unwell|ill with|' +
      'krank|*krebs|*erkrankung|*erkrankungen|*krankheit|*tumor|*sucht|*infarkt|*behinderung|*leiden|*schwangerschaft|beschaftigungsverbot|knie op|eine op|einer op|nach der op|operiert|kur|bestrahlung|depressiv*|angststorung*|panikattack*|horgerat|blind|taub|krankenstand|krankmeldung|' +
      'hospitalis*|opere|operee|operation|chimio*|fauteuil roulant|aveugle|convalescen*|' +
      'de baja|operacion|operado|operada|quimio*|silla de ruedas|discapaci*|hospitaliz*|' +
      'operazione|intervento|chemio*|sedia a rotelle|disabil*|ricover*|' +
      'ziekte|*ziekte|*operatie|operatie|*kanker|rolstoel|revalid*|opgenomen',
  },
  religion: {
    self:
      'converted to|konvertiert|zum islam|zum christentum|converti|convertie|convertido|convertida|convertito|convertita|bekeerd|islam|christentum|christianity|judaism|judentum|buddhism|buddhismus|hinduism|hinduismus|' +
      'wears a headscarf|wears a hijab|tragt kopftuch|tragt ein kopftuch|porte le voile|porte un voile|lleva velo|lleva el velo|porta il velo|draagt een hoofddoek|' +
      'muslims|moslems|islamic|catholics|katholiken|cattolico|cattolica|katholiek|protestants|lutheran|lutherisch*|reformiert*|gereformeerd*|hervormd*|orthodox*|baptist*|methodist*|anglican*|adventist*|mormon*|scientolog*|quaker|amish|' +
      'jehovah|jehovas|jehova|geova|testigo de jehova|testimone di geova|temoin de jehovah|getuige van jehova|juif|juive|judio|judia|ebreo|ebrea|joods|hindoe|sikhs|buddhisten|boeddhist*|bouddhist*|budist*|buddist*|agnostiker|athee|ateo|atea|ateu|kopftuch|hijab|hoofddoek|kippa|kippah',
    plain:
      'gurdwara|kingdom hall|religious reasons|religiosen grunden|raisons religieuses|motivos religiosos|motivi religiosi|religieuze redenen|koscher|kasher|casher|koosjer|halal|ramadan|ramadhan|eid|fasts|fasting|fastet|fastenzeit|jeune|ayuno|digiuno|vasten|sabbath|shabbat|sabbat|goes to church|goes to mass|attends mass|to mass|gottesdienst|kirchgang|pfarrgemeinde*|kirchengemeinde|' +
      'a la messe|va a misa|a misa|a messa|va a messa|naar de kerk|pray|beten|gebete|prier|rezar|pregare|bidden|temple|tempel|tempio|templo|synagog*|sinagog*|mosquee|mezquita|moschea|moskee|kirchenaustritt|aus der kirche ausgetreten',
  },
  political: {
    self: 'junge union|jungen union|jusos|junge liberale|julis|grune jugend|junge alternative|young conservatives|young labour|young republicans|young democrats|jeunes republicains|jeunes socialistes|nuevas generaciones|giovani democratici|jongeren organisatie|card carrying|milita en|milite au|milite a|milita nel|kreisvorsitzende*|ortsvorsitzende*|landesvorsitzende*|kandidiert|kandidat|kandidatin|candidat|candidata|candidato|kandidaat|democratic candidate|republican candidate|labour candidate|conservative candidate|parteimitglied*|partijlid',
    plain:
      'councillor|councilor|city council|member of parliament|state senate|senator|candidate for|ran for|running for|stood for|mayor|' +
      'stadtrat|stadtratin|gemeinderat|gemeinderatin|kreistag|landtag|bundestag|abgeordnet*|burgermeister*|politiker*|*partei|wahlkampf*|' +
      'conseiller municipal|conseillere municipale|depute|deputee|maire|milite|militer|' +
      'concejal|concejala|diputado|diputada|alcalde|alcaldesa|milita en|' +
      'consigliere comunale|consigliera comunale|deputato|deputata|sindaco|milita nel|' +
      'gemeenteraadslid|raadslid|kamerlid|wethouder|burgemeester|politicus',
  },
  ethnicity: {
    self:
      'british nigerian|british ghanaian|british bangladeshi|british chinese|british caribbean|black african|black caribbean|white british|white irish|irish traveller|gypsy|' +
      'black british|british asian|british indian|british pakistani|asian american|mixed race|mixed heritage|biracial|person of colour|person of color|first nations|native american|' +
      'romani|romany|romanes|sintiza|sinteza|sami|saami|samin|inuit|maori|sorbe|sorbin|sorben|jenische*|yeniche|uyghur|uigur*|berber|amazigh|tamil|romni|' +
      'gitan|gitane|rom|gitano|gitana|rom|zingar*|marokkaans*|turks*|surinaams*|antilliaans*',
    plain:
      'afro*|' +
      'roots|wurzeln|racines|raices|radici|wortels|heritage|descendant*|descent|abstammung|herkunft|origin|origine|origen|afkomst|ethnic*|ethnisch*|ethni*|etnic*|etnisch*|minority|minderheit|minorite|minoria|minoranza|minderheid|volksgruppe|' +
      'migrant*|immigrant*|einwanderer*|zuwanderer*|eingewandert|immigre|immigree|inmigrante|immigrato|immigrata|hautfarbe|skin colour|skin color',
  },
  sexual_orientation: {
    self:
      'verpartnert|civil partnership|pansexuell|pansexuelle|asexuell|asexuelle|' +
      'lesbians|lesben|lesbische|lesbischen|lesbischer|schwule|schwulen|schwuler|bisexuelle|bisexuellen|homosexuelle|homosexuellen|pansexual|asexual|asexuell|heterosexual|heterosexuell|hetero|' +
      'his husband|her wife|his boyfriend|her girlfriend|sein mann|seinen mann|seinem mann|sein ehemann|seinen ehemann|seinem ehemann|sein lebensgefahrte|seinem lebensgefahrten|ihrer lebensgefahrtin|ihre lebensgefahrtin|' +
      'seinem lebenspartner|seinen lebenspartner|sein lebenspartner|his male partner|her female partner|' +
      'he is married to a man|she is married to a woman|er ist mit einem mann verheiratet|sie ist mit einer frau verheiratet|il est marie a un homme|elle est mariee a une femme|' +
      'esta casado con un hombre|esta casada con una mujer|e sposato con un uomo|e sposata con una donna|hij is getrouwd met een man|ze is getrouwd met een vrouw|zij is getrouwd met een vrouw|' +
      'zijn man|zijn echtgenoot|zijn vriend|haar vrouw|haar echtgenote|haar vriendin|suo marito|sua moglie|su marido|son mari|' +
      'gleichgeschlechtlich*|same sex|meme sexe|mismo sexo|stesso sesso|zelfde geslacht|geoutet|outed|came out as|out as gay',
    plain: 'lgbt*|lgbtq*|pride|csd|queer*|homo',
  },
  trade_union: {
    self:
      `${unionRoles()}|convenor|union convenor|` +
      'union members|union rep|union reps|union steward|union official|union activist|unionised|unionized|member of any union|member of a union|member of the union|not in a union|in a union|in any union|joined a union|' +
      'vertrauensmann|vertrauensfrau|vertrauensleute|*gewerkschafter|*gewerkschafterin|' +
      'delegado sindical|delegada sindical|delegato sindacale|delegata sindacale|rappresentante sindacale|deleguee syndicale|delegue syndical|syndicaliste|kaderlid|vakbondsman|vakbondsvrouw',
    plain:
      'teachers union|nurses union|workers union|rail union|postal union|police union|doctors union|pilots union|transport union|public sector union|union branch|union meeting|union dues|active in the union|in the union|' +
      '*gewerkschaft|gewerkschafts*|ngg|dbb|komba|marburger bund|vereinigung cockpit|gmb|usdaw|rmt|nea|aft|afscme|ibew|' +
      'fo|force ouvriere|cftc|cfe cgc|unsa|fsu|syndica*|comisiones obreras|uso|csif|sindica*|fiom|fim|uilm|ugl|usb|sindaca*|vakbond*|abvv|acv|fnv|cnv',
  },
  biometric: {
    self: 'her fingerprints|his fingerprints|her face scan|his face scan|her iris|his iris|her voiceprint|his voiceprint',
    plain:
      'iris|retina*|face scan|facial scan|face template|facial template|face id|voice print|voice sample|voice profile|voice recognition|palm vein|hand geometry|vein scan|' +
      'gesichtsbild|gesichtsscan|gesichtsprofil|*gesichtserkennung|netzhaut*|stimmprobe|stimmprofil|stimmerkennung|handvenen*|*fingerabdruck|*fingerabdrucke|' +
      'empreinte*|reconnaissance vocale|huella*|reconocimiento de voz|impront*|riconoscimento vocale|gezichtsscan|stemafdruk|irisscan|biometri*',
  },
  genetic: {
    self: 'brca*|tragerin der|carrier of|porteur de|porteuse de|portadora de|portador de|portatrice di|portatore di|drager van|runs in his family|runs in her family|runs in the family|liegt in der familie',
    plain:
      'gene mutation|genmutation|*mutation|mutatie|mutazione|mutacion|predisposition|pradisposition|predisposizione|predispositie|ancestry|genom*|gentest*|dna analyse|dna analysis|dna test|erblich*|erfelijk*|hereditar*|ereditari*|genetic*|genetisch*|genetiq*|adn',
  },
  criminal: {
    self:
      'conden*|condann*|condamn*|veroordeel*|verurteil*|convict*|pleaded guilty|pled guilty|found guilty|guilty of|fur schuldig befunden|schuldig gesprochen|reconnu coupable|declarado culpable|dichiarato colpevole|schuldig bevonden|' +
      'sentenced|verurteilung|condamn*|condenad*|condannat*|behind bars|hinter gittern|derriere les barreaux|entre rejas|dietro le sbarre|achter de tralies|' +
      'verhaftet|interpelle|interpellee|arrestad*|arrestat*|aangehouden|indicted|angeklagt|accused of|acusado de|acusada de|accusato di|accusata di|beschuldigd van|aangeklaagd|' +
      'under investigation|investigated for|being investigated|ermittelt|mis en examen|investigado|investigada|indagato|indagata|' +
      'bewahrung*|sursis|libertad condicional|liberta vigilata|proeftijd|police record|record for|fuhrungszeugnis|antecedentes|precedenti|' +
      'served time|sass im gefangnis|sass in haft|sass in u haft|u haft|untersuchungshaft|im knast|sat in de gevangenis|en taule|fait de la prison|a fait de la prison|estuvo en la carcel|estuvo en prision|stato in carcere|in de cel|' +
      'prison sentence|jail sentence|custodial sentence|suspended sentence|served a sentence|peine de prison|pena de prision|pena detentiva|' +
      'gevangenisstraf|haftstrafe|geldstrafe wegen|bewahrungsstrafe|strafbefehl',
    plain:
      'embezzl*|untreue|unterschlagung|detournement|malversacion|appropriazione indebita|verduistering|brib*|bestechung|bestechlich*|korruption|corrupt*|corrupcion|corruzione|omkoping|corruptie|' +
      'shoplift*|ladendiebstahl|agression|agresion|aggressione|mishandeling|rapina|robbery|raub|overval|stalking|harassment|belastigung|domestic violence|hausliche gewalt|drug possession|drogenbesitz|' +
      'money laundering|geldwasche|blanchiment|blanqueo|riciclaggio|witwassen|tax evasion|steuerhinterziehung|fraude fiscale|evasion fiscal|evasione fiscale|belastingfraude|' +
      'angezeigt|strafanzeige|reported to the police|porte plainte|denunciado|denunciada|denunciato|denunciata|aangifte tegen|fahrerflucht|unfallflucht|hit and run|fraud|escroquerie|estafa|truffa|oplichting|frode|betrugs|knast|gefangnis|crime|offence|offense|straftat|delit|delito|reato|misdrijf|misdemeanor|felony|*strafe|*delikt|*delikte|' +
      'arrested|festgenommen|arrete|arretee|detenido|detenida|arrestato|arrestata|gearresteerd|carcel|prision|carcere|gevangenis|prison|jail|gaol|' +
      'drunk driving|dui|dwi|trunkenheit|alkohol am steuer|conduite en etat d ivresse|rijden onder invloed',
  },
};

/**
 * Breadth families (round 7): nationality and ethnic-origin words in origin
 * constructions, ethnic groups, a broad list of conditions, treatments,
 * disabilities and medicines, clergy, holidays and practices, political roles,
 * unions and criminal-record terms, in all six languages. Nationality
 * adjectives alone are not cues ("our German client"): only "half Nigerian",
 * "Korean-American", "of Polish descent", "aus einer polnischen Familie", "ist Türkin".
 */
const NATIONALITIES_EN =
  'afghan|albanian|algerian|angolan|argentinian|argentine|armenian|australian|austrian|azerbaijani|bangladeshi|belarusian|belgian|bolivian|bosnian|brazilian|bulgarian|cambodian|cameroonian|canadian|chilean|chinese|colombian|congolese|croatian|cuban|czech|danish|dominican|dutch|ecuadorian|egyptian|eritrean|estonian|ethiopian|filipino|filipina|finnish|french|georgian|german|ghanaian|greek|guatemalan|haitian|honduran|hungarian|indian|indonesian|iranian|iraqi|irish|israeli|italian|ivorian|jamaican|japanese|jordanian|kazakh|kenyan|korean|kosovar|kurdish|lebanese|libyan|lithuanian|latvian|macedonian|malaysian|malian|mexican|moldovan|mongolian|moroccan|nepali|nepalese|nigerian|norwegian|pakistani|palestinian|peruvian|polish|portuguese|puerto rican|romanian|russian|rwandan|saudi|senegalese|serbian|slovak|slovenian|somali|spanish|sri lankan|sudanese|surinamese|swedish|syrian|taiwanese|tamil|thai|tunisian|turkish|ugandan|ukrainian|uzbek|venezuelan|vietnamese|yemeni|zambian|zimbabwean|scottish|welsh|arab|persian|punjabi|gujarati|bengali|sikh|african|asian|caribbean';
const NATIONALITIES_DE =
  'afghanisch|albanisch|algerisch|amerikanisch|angolanisch|argentinisch|armenisch|australisch|osterreichisch|bosnisch|brasilianisch|britisch|bulgarisch|chilenisch|chinesisch|kolumbianisch|kongolesisch|kroatisch|kubanisch|tschechisch|danisch|dominikanisch|niederlandisch|agyptisch|eritreisch|estnisch|athiopisch|philippinisch|finnisch|franzosisch|georgisch|ghanaisch|griechisch|ungarisch|indisch|indonesisch|iranisch|irakisch|irisch|israelisch|italienisch|jamaikanisch|japanisch|kasachisch|kenianisch|koreanisch|kosovarisch|kurdisch|lettisch|libanesisch|libysch|litauisch|mazedonisch|marokkanisch|mexikanisch|nigerianisch|norwegisch|pakistanisch|palastinensisch|peruanisch|polnisch|portugiesisch|rumanisch|russisch|serbisch|slowakisch|slowenisch|somalisch|spanisch|sudanesisch|schwedisch|syrisch|tamilisch|thailandisch|tunesisch|turkisch|ukrainisch|vietnamesisch|arabisch|persisch|afrikanisch|asiatisch|tatarisch|tschetschenisch';
/** Nationality and group nouns that, after "ist"/"is", state a person's origin ("Ihre Mutter ist Türkin"). */
const ORIGIN_NOUNS_DE =
  'turke|turkin|kurde|kurdin|pole|polin|russe|russin|araber|araberin|afghane|afghanin|syrer|syrerin|iraker|irakerin|iraner|iranerin|marokkaner|marokkanerin|tunesier|tunesierin|algerier|algerierin|grieche|griechin|kroate|kroatin|serbe|serbin|bosnier|bosnierin|albaner|albanerin|kosovare|kosovarin|rumane|rumanin|bulgare|bulgarin|ukrainer|ukrainerin|vietnamese|vietnamesin|chinese|chinesin|inder|inderin|pakistaner|pakistanerin|nigerianer|nigerianerin|ghanaer|ghanaerin|eritreer|eritreerin|somalier|somalierin|athiopier|athiopierin|tamile|tamilin|tschetschene|tschetschenin|sinto|sintiza|sinti|romni|roma|jenischer|jenische|sorbe|sorbin';
const ETHNIC_GROUPS =
  'gujarati|punjabi|bengali|sindhi|pashtun|hazara|tamil|tamile|tamilin|kurd|kurds|kurdish|kurde|kurdin|kurdisch|koerdisch|koerd|kurdo|kurda|curdo|curda|yoruba|igbo|hausa|ashanti|zulu|xhosa|kabyle|kabyl|berbere|bereber|amazigh|tuareg|bedouin|uyghur|uighur|tibetan|hmong|romani|romany|rom|roms|rrom|sinto|sinti|sintiza|sinteza|gitan|gitane|gitano|gitana|zingaro|zingara|sorb|sorbian|frisian|aboriginal|torres strait|maori|inuit|sami|metis|afro|afro american|african american|afro deutsch*|afrodeutsch*|afro brazilian|afro caribbean|latinx|hispanic|mestizo|mestiza|creole|creool|creools|hindustaans|hindostaans|javaans|moluks|molukse|turkstammig*|deutschturk*|russlanddeutsch*|spataussiedler*|aussiedler*|pied noir|maghrebin|maghrebine|beur|magrebi|nordafrikan*|noord afrikaans';
function originPhrases(): string {
  const out: string[] = [];
  for (const n of NATIONALITIES_EN.split('|')) {
    out.push(`half ${n}`, `${n} american`, `${n} british`, `${n} canadian`, `${n} descent`, `${n} heritage`, `${n} origin`, `${n} roots`, `${n} background`, `${n} born`, `${n} parents`, `${n} family`, `${n} ancestry`, `of ${n} descent`, `${n} brazilian`, `${n} german`, `${n} french`, `${n} australian`);
    // A relative's nationality is the person's origin ("her family is Somali", "his dad is Jamaican").
    for (const kin of ['family is', 'family are', 'parents are', 'father is', 'mother is', 'dad is', 'mum is', 'mom is', 'grandparents are', 'grandfather is', 'grandmother is']) out.push(`${kin} ${n}`);
  }
  for (const a of NATIONALITIES_DE.split('|')) {
    out.push(`halb ${a}`, `einer ${a} familie`, `${a} familie`, `${a} eltern`, `${a} wurzeln`, `${a} abstammung`, `${a} herkunft`, `${a} stammig`, `${a}stammig`, `${a} abstammig`, `deutsch ${a}`);
  }
  for (const n of ORIGIN_NOUNS_DE.split('|')) out.push(`ist ${n}`, `sind ${n}`, `als ${n}`, `halb ${n}`);
  return out.join('|');
}

const BREADTH_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = {
  health: {
    self:
      'stammer|stammers|stutter|stutters|stuttering|stammering|stottert|stottern|stotterer|begaie|begaye|tartamudea|tartamudo|tartamuda|balbetta|balbuziente|stottert|stotteren|' +
      'going through ivf|doing ivf|ivf treatment|fertility treatment|kinderwunschbehandlung|kunstliche befruchtung|en fiv|parcours pma|fecundacion in vitro|tratamiento de fertilidad|fecondazione assistita|ivf traject|' +
      'in rehab|back from rehab|out of rehab|in der entzugsklinik|auf entzug|im entzug|en cure de desintoxication|en rehabilitacion|in riabilitazione|in een afkickkliniek|afkicken|' +
      'recovering alcoholic|trockener alkoholiker|trockene alkoholikerin|ex alcoholique|alcoholico en recuperacion|ex alcolista|' +
      'terminally ill|unheilbar krank|todkrank|en phase terminale|enfermo terminal|malato terminale|terminaal ziek|' +
      'lost his leg|lost her leg|lost his arm|lost her arm|lost his sight|lost her sight|going blind|going deaf|hard of hearing|' +
      'mental breakdown|signed off with|signed off for|off with stress|stress leave|on stress leave|nervous breakdown|nervenzusammenbruch|depression nerveuse|crisis nerviosa|esaurimento nervoso|zenuwinzinking',
    plain:
      // English conditions, treatments, aids, medicines
      'sleep apnoea|sleep apnea|apnoea|apnea|concussion|concussed|long covid|post covid|endometriosis|polycystic|pcos|ivf|fertility|infertility|infertile|miscarried|stillbirth|c section|caesarean|cesarean|menopause|hysterectomy|mastectomy|lumpectomy|' +
      'epilepsy|epileptic|seizure|seizures|leukaemia|leukemia|lymphoma|melanoma|tumour|tumor|radiotherapy|chemotherapy|chemo|oncologist|oncology treatment|palliative|hospice|' +
      'heart condition|heart surgery|heart problems|bypass surgery|stent|angina|arrhythmia|atrial fibrillation|afib|cholesterol|kidney stones|gallstones|appendicitis|appendix removed|slipped disc|sciatica|back pain|chronic pain|fibromyalgia|chronic fatigue|lupus|crohn s|ulcerative colitis|ibs|gluten intolerance|lactose intolerant|nut allergy|food allergy|vertigo|glaucoma|cataract*|macular|' +
      'autistic|autism|asperger*|dyslexi*|dyspraxi*|dyscalculi*|ocd|tourette*|bipolar|psychosis|psychotic|panic attacks|self harm|suicidal|suicide attempt|counselling|counseling|psychiatrist|psychologist|psychotherapy|antidepressants|ssri|ssris|blood thinners|anticoagulants|warfarin|beta blockers|statins|steroids|immunosuppressants|inhaler|epipen|ritalin|adderall|methadone|opioid*|painkillers|insulin|metformin|chemo pills|' +
      'alcoholism|addict|addicts|drug addiction|gambling addiction|sobriety|twelve step|aa meetings|rehab|rehabilitation|physio|physiotherapy|occupational therapy|speech therapy|' +
      'hearing aid|hearing aids|cochlear implant|hearing loss|deafness|deaf|blind|blindness|guide dog|white cane|wheelchair|crutches|walking stick|mobility scooter|prosthesis|prosthetic|amputated|amputation|colostomy|stoma|' +
      'hiv positive|aids|hepatitis|tuberculosis|shingles|pneumonia|sepsis|meningitis|glandular fever|covid positive|tested positive|' +
      'fractured|sprained|torn ligament|torn acl|whiplash|intensive care|icu|in a coma|coma|down syndrome|downs syndrome|cerebral palsy|spina bifida|muscular dystrophy|motor neurone disease|huntington s|sickle cell|thalassaemia|haemophilia|hemophilia|anaemia|anemia|thyroid|hashimoto*|psoriasis|eczema|obese|obesity|gastric bypass|bariatric|speech impediment|insomnia|narcolepsy|tinnitus|meniere*|paternity leave|' +
      // German
      'schlafapnoe|apnoe|gehirnerschutterung|post covid|long covid|endometriose|pcos|ivf|unfruchtbar*|fehlgeburt|kaiserschnitt|wechseljahre|gebarmutterentfernung|brustamputation|' +
      'epilepsie|epileptiker*|krampfanfall*|anfalle|leukamie|lymphom|melanom|tumor|strahlentherapie|chemotherapie|chemo|onkolog*|palliativ*|hospiz|' +
      'herzerkrankung|herzprobleme|herz op|stent|herzrhythmusstorung*|vorhofflimmern|cholesterin|nierensteine|gallensteine|blinddarm*|bandscheibe*|ischias|ruckenschmerzen|chronische schmerzen|fibromyalgie|erschopfungssyndrom|morbus crohn|colitis|reizdarm|zoliakie|glutenunvertraglich*|laktoseintoleran*|nussallergie|schwindel*|grauer star|gruner star|' +
      'autismus|autist|autistin|autistisch|asperger*|legasthenie|legastheniker*|dyskalkulie|zwangsstorung*|tourette*|bipolar*|psychose|selbstverletzung|suizid*|selbstmord*|psychotherapie|psychiater|psychologin|psychologe|antidepressiva|ritalin|blutverdunner|gerinnungshemmer|marcumar|betablocker|statine|immunsuppressiva|methylphenidat|methadon|opioid*|schmerzmittel|insulin|cortison|kortison|' +
      'alkoholkrank*|alkoholabhangig*|alkoholproblem*|entzug|entzugsklinik|entgiftung|spielsucht|drogenabhangig*|suchtklinik|reha|rehaklinik|physiotherapie|ergotherapie|logopad*|' +
      'horgerat|horgerate|horgerates|cochlea|horverlust|gehorlos*|schwerhorig*|taub|blind|erblindet|blindenhund|rollstuhl|rollstuhlfahrer*|krucken|gehstock|rollator|prothese|beinprothese|amputiert|amputation|stoma|' +
      'hiv positiv|hiv|aids|hepatitis|tuberkulose|gurtelrose|lungenentzundung|sepsis|blutvergiftung|meningitis|pfeiffersches drusenfieber|corona positiv|positiv getestet|' +
      'gebrochen|kreuzbandriss|banderriss|schleudertrauma|intensivstation|koma|down syndrom|trisomie|spastik*|muskeldystrophie|sichelzell*|bluterkrank*|anamie|schilddruse*|hashimoto*|schuppenflechte|neurodermitis|adipositas|magenbypass|sprachstorung|schlafstorung*|narkolepsie|tinnitus|horsturz|burnout|burn out|erschopfung|' +
      // French
      'apnee du sommeil|apnee|commotion cerebrale|covid long|endometriose|fiv|pma|fausse couche|cesarienne|menopause|epilepsie|epileptique|leucemie|lymphome|melanome|radiotherapie|chimio|chimiotherapie|soins palliatifs|' +
      'probleme cardiaque|pontage|stent|calculs renaux|hernie discale|sciatique|mal de dos|douleurs chroniques|fibromyalgie|maladie de crohn|intolerance au gluten|autisme|autiste|dyslexi*|bipolaire|psychose|depression|antidepresseurs|psychiatre|psychologue|insuline|' +
      'alcoolique|alcoolisme|toxicomane|desintoxication|cure de desintoxication|reeducation|kine|kinesitherapie|appareil auditif|appareils auditifs|malentendant*|sourd|sourde|aveugle|malvoyant*|fauteuil roulant|bequilles|prothese|ampute|amputee|seropositif|seropositive|tuberculose|pneumonie|coma|reanimation|trisomie|obesite|insomnie|acouphene*|burn out|epuisement professionnel|' +
      // Spanish
      'apnea del sueno|apnea|conmocion cerebral|covid persistente|endometriosis|fiv|aborto espontaneo|cesarea|menopausia|epilepsia|epileptico|epileptica|leucemia|linfoma|melanoma|radioterapia|quimio|quimioterapia|cuidados paliativos|' +
      'problema cardiaco|marcapasos|baipas|hernia discal|ciatica|dolor de espalda|dolor cronico|fibromialgia|enfermedad de crohn|celiaco|celiaca|autismo|autista|dislexi*|bipolar|psicosis|antidepresivos|anticoagulantes|psiquiatra|psicologo|psicologa|insulina|' +
      'alcoholico|alcoholica|alcoholismo|drogadicto|drogadicta|desintoxicacion|rehabilitacion|fisioterapia|audifono|audifonos|sordera|sordo|sorda|ciego|ciega|silla de ruedas|muletas|protesis|amputado|amputada|seropositivo|seropositiva|tuberculosis|neumonia|coma|cuidados intensivos|sindrome de down|obesidad|insomnio|acufenos|tinnitus|sindrome de burnout|burnout|' +
      // Italian
      'apnea notturna|apnee notturne|commozione cerebrale|long covid|endometriosi|fivet|pma|aborto spontaneo|cesareo|menopausa|epilessia|epilettico|epilettica|leucemia|linfoma|melanoma|radioterapia|chemio|chemioterapia|cure palliative|' +
      'problemi cardiaci|pacemaker|ernia del disco|sciatica|mal di schiena|dolore cronico|fibromialgia|morbo di crohn|celiaco|celiaca|celiachia|autismo|autistico|autistica|dislessi*|bipolare|psicosi|antidepressivi|anticoagulanti|psichiatra|psicologo|psicologa|insulina|' +
      'alcolista|alcolismo|tossicodipendent*|disintossicazione|riabilitazione|fisioterapia|apparecchio acustico|apparecchi acustici|sordita|sordo|sorda|cieco|cieca|ipovedente|sedia a rotelle|stampelle|protesi|amputato|amputata|sieropositivo|sieropositiva|tubercolosi|polmonite|coma|terapia intensiva|sindrome di down|obesita|insonnia|acufene|acufeni|esaurimento|burnout|infarto|ictus|' +
      // Dutch
      'slaapapneu|apneu|hersenschudding|long covid|endometriose|ivf|miskraam|keizersnede|epilepsie|epileptisch|leukemie|lymfoom|melanoom|bestraling|chemo|chemotherapie|palliatief|' +
      'hartproblemen|hartoperatie|pacemaker|hernia|ischias|rugpijn|chronische pijn|fibromyalgie|ziekte van crohn|coeliakie|autisme|autistisch|dyslexie|bipolair|psychose|antidepressiva|psychiater|bloedverdunners|psycholoog|insuline|' +
      'alcoholist|alcoholisme|verslaafd|afkickkliniek|afkicken|revalidatie|fysiotherapie|gehoorapparaat|gehoorapparaten|slechthorend*|blind|slechtziend*|rolstoel|krukken|prothese|geamputeerd|hiv positief|tuberculose|longontsteking|coma|intensive care|syndroom van down|obesitas|slapeloosheid|oorsuizen|tinnitus|burn out|burnout|overspannen|hartaanval|hartinfarct|beroerte|herseninfarct',
  },
  religion: {
    self:
      'practising muslim|practicing muslim|practising jew|practicing jew|observant jew|orthodox jew|born again|born again christian|devout catholic|devout muslim|devout christian|strenglaubig*|strengglaubig*|glaubiger muslim|glaubige muslima|glaubiger christ|glaubige christin|gelovige|juif pratiquant|musulman pratiquant|catolico practicante|catolica practicante|ebreo osservante|praktiserend katholiek|praktiserend moslim|' +
      'jehovah s witnesses|zeugin jehovas|zeuge jehovas|jehovas zeugen|temoin de jehovah|testigo de jehova|testimone di geova|getuige van jehova|' +
      'lay preacher|laienprediger*|predicateur laic|predicador laico|predicatore laico|lekenprediker|' +
      'sikh|sikhs|hindu|hindus|hindoe|hindou|hindoue|hindoes|alevi|alevit*|alevitin|sunni|sunnite|shia|shiite|schiit*|sunnit*|chiite|sunita|chiita|sciita|sjiiet*|soenniet*|druze|drusin|bahai|rastafari*|wiccan|' +
      'left the church|ausgetreten aus der kirche|aus der kirche ausgetreten|aus der katholischen kirche ausgetreten|aus der evangelischen kirche ausgetreten|quitte l eglise|dejo la iglesia|ha lasciato la chiesa|uit de kerk gestapt',
    plain:
      // clergy and roles
      'priest|pastor|vicar|reverend|minister of the church|deacon|deaconess|bishop|imam|rabbi|rabbinical|cantor|monk|nun|elder of|churchwarden|sunday school|altar|choir|church choir|parish|parishioner|congregation|' +
      'priester|pfarrer|pfarrerin|pastorin|diakon|diakonin|bischof|imam|rabbiner|rabbinerin|kantor|monch|nonne|ordensschwester|kirchenvorstand|presbyter*|kirchenchor|messdiener*|ministrant*|gemeindemitglied|' +
      'pretre|pasteur|diacre|eveque|rabbin|moine|religieuse|paroisse|paroissien*|chorale|enfant de choeur|' +
      'sacerdote|pastor|diacono|obispo|rabino|monje|monja|parroquia|feligres|coro de la iglesia|' +
      'prete|parroco|pastore|diacono|vescovo|rabbino|monaco|suora|parrocchia|parrocchiano|coro della chiesa|' +
      'priester|pastoor|dominee|diaken|bisschop|rabbijn|monnik|parochie|kerkkoor|ouderling|' +
      // holidays and practices
      'yom kippur|jom kippur|rosh hashanah|rosch haschana|passover|pessach|pesach|hanukkah|chanukka|sukkot|purim|shabbat|sabbath|sabbat|eid|eid al fitr|eid al adha|zuckerfest|opferfest|iftar|suhoor|hajj|haddsch|hadsch|pilgrimage to mecca|mekka|la mecque|la meca|diwali|holi|navratri|vaisakhi|good friday|easter mass|christmas mass|midnight mass|christmette|fastenzeit|karfreitag|erstkommunion|firmung|konfirmation|first communion|confirmation class|bar mitzvah|bat mitzvah|bar mizwa|bat mizwa|baptism|taufe|bapteme|bautizo|battesimo|doop|' +
      'careme|premiere communion|primera comunion|prima comunione|eerste communie|quaresima|cuaresma|vastenmaand|suikerfeest|offerfeest|aid el kebir|aid el fitr|' +
      'turban|dastar|kippa|kippah|yarmulke|headscarf|hijab|niqab|burqa|kopftuch|foulard islamique|voile islamique|velo islamico|hoofddoek|rosary|rosenkranz|chapelet|rosario|rozenkrans|' +
      'mass on sunday|sunday mass|sonntagsmesse|geht in die kirche|geht zur kirche|goes to mosque|geht in die moschee|va a la mosquee|va a la mezquita|va in moschea|gaat naar de moskee|goes to temple|goes to synagogue|geht in die synagoge|' +
      'religious holiday|religiosen feiertag|religiose feiertage|fete religieuse|fiesta religiosa|festa religiosa|religieuze feestdag',
  },
  political: {
    self:
      `${leaderSupporters()}|` +
      'registered republican|conservative association|labour branch|constituency labour party|party branch|registered democrat|registered independent|lifelong democrat|lifelong republican|lifelong labour|die hard socialist|die hard conservative|staunch conservative|staunch socialist|staunch labour|uberzeugter kommunist|uberzeugte kommunistin|uberzeugter sozialist*|uberzeugte sozialistin|uberzeugter sozialdemokrat|' +
      'tory councillor|labour councillor|lib dem councillor|green councillor|conservative councillor|party activist|party official|party chair|party chairman|local party|constituency party|' +
      'canvasses for|canvassing for|canvassed for|canvasses|canvassing|leafleting for|leafleted for|hands out leaflets|handing out leaflets|door knocking for|phone banking for|' +
      'macht wahlkampf|wahlkampfhelfer*|wahlhelfer*|infostand der|am infostand|steht am infostand|tractage|tracte|fait campagne pour|reparte folletos|hace campana|volantinaggio|fa volantinaggio|flyert|flyeren|' +
      'parteibuch|ortsverband|kreisverband|mitglied im ortsverein|ortsverein|fraktionsvorsitz*|stadtratin|stadtrat fur|gemeinderat fur|sitzt fur die|sitzt fur den|kandidiert fur|' +
      `${germanSeats()}|` +
      'conseiller municipal|conseillere municipale|concejal del|concejala del|consigliere comunale|consigliera comunale|raadslid voor|gemeenteraadslid voor|zit voor de|wethouder voor',
    plain:
      'socialist|communist|anarchist|marxist|trotskyist|libertarian|nationalist|monarchist|republican|democrat|conservative voter|labour voter|green voter|' +
      'sozialist|sozialistin|kommunist|kommunistin|anarchist|anarchistin|marxist|marxistin|nationalist|nationalistin|sozialdemokrat|sozialdemokratin|christdemokrat*|monarchist|' +
      'socialiste|communiste|anarchiste|marxiste|nationaliste|gaulliste|insoumis|insoumise|' +
      'socialista|comunista|anarquista|marxista|nacionalista|independentista|' +
      'comunista|anarchico|anarchica|leghista|grillino|grillina|' +
      'socialist|communist|anarchist|nationalist|' +
      // wider parties (as plain cues: a person word is still needed)
      'spo|neos|glp|sp schweiz|freie wahler|freien wahler|freien wahlern|piratenpartei|eelv|pcf|npa|reconquete|erc|junts|pnv|bildu|bng|compromis|m5s|sinistra italiana|pvv|nsc|bbb|christenunie|sgp|ja21|fvd|50plus|gop|snp|plaid cymru|dup|sinn fein|ukip|reform uk|the greens|the green party|die grunen|grunen|les verts|los verdes|i verdi|de groenen',
  },
  ethnicity: {
    self: '',
    plain: `${originPhrases()}|${ETHNIC_GROUPS}`,
  },
  sexual_orientation: {
    self:
      'is gay|is lesbian|is bi|is bisexual|is queer|is pansexual|is asexual|ist schwul|ist lesbisch|ist bi|ist bisexuell|ist queer|est gay|est homo|est lesbienne|est bi|es gay|es lesbiana|es bisexual|e gay|e lesbica|e bisessuale|is homo|is lesbisch|is biseksueel|' +
      'mit seinem mann|seinem ehemann|' +
      'gay couple|lesbian couple|schwules paar|lesbisches paar|couple gay|couple homo|pareja gay|pareja homosexual|coppia gay|homostel|' +
      'trans man|trans woman|transgender|transsexual|transsexuell*|transident*|non binary|nonbinary|nicht binar|non binaire|no binario|non binario|non binair',
    plain: 'lgbtq|lgbtqia|lgbti|queer|homosexuality|homosexualitat|homosexualite|homosexualidad|omosessualita|homoseksualiteit',
  },
  trade_union: {
    self:
      'union card|union committee|union s committee|union s regional committee|union s national executive|union executive|negotiating committee|bargaining committee|branch committee|branch secretary|teamster|union dues|pays union dues|gewerkschaftsbeitrag|betriebsrat und gewerkschafter|vertrauensmann der ig metall|vertrauensfrau der|vertrauensmann der|' +
      'bei ver di|bei verdi|in der ig metall|in der ig bce|in der gew|in der evg|in der ngg|bei ver di organisiert|gewerkschaftlich organisiert|organisiert bei|' +
      'adherent de la cgt|adherente de la cgt|syndique a la|syndiquee a la|syndique cgt|syndiquee cfdt|afiliado a ccoo|afiliada a ccoo|afiliado a ugt|afiliada a ugt|afiliada a la ugt|afiliado a la ugt|iscritto alla cgil|iscritta alla cgil|iscritto alla cisl|iscritta alla cisl|iscritto alla uil|iscritta alla uil|lid van de fnv|lid van het cnv|kaderlid van',
    plain:
      'ig metall|ig bce|ig bau|ver di|verdi|gew|evg|ngg|gdl|dbb|komba|marburger bund|vereinigung cockpit|dgb|oegb|goed|younion|pro ge|unia|syna|vpod|travail suisse|' +
      'cgt|cfdt|force ouvriere|cftc|cfe cgc|unsa|sud rail|sud sante|' +
      'ccoo|comisiones obreras|ugt|csif|' +
      'cgil|cisl|uil|ugl|usb|cobas|fiom|fim cisl|' +
      'fnv|cnv|vcp|abvv|acv|aclvb|' +
      'unison|gmb|usdaw|rmt|ucu|cwu|rcn|aslef|nasuwt|teamsters|seiu|uaw|afscme|ibew|ufcw|afl cio|steelworkers',
  },
  biometric: {
    self: 'fingerprint template|fingerprint of|fingerprints of|facial scan of|face scan of|iris scan of|voiceprint of|fingerabdruck von|fingerabdrucke von|gesichtsbild der|gesichtsbild des|iris scan von|stimmprofil des|stimmprofil der|empreinte digitale de|huella dactilar de|huella de|impronta digitale di|impronte digitali di|vingerafdruk van|gezichtsscan van',
    plain: 'fingerprint|fingerprints|face template|facial template|voiceprint|voice print|iris scan|retina scan|face scan|facial scan|palm print|handprint|dna sample|fingerabdruck|gesichtsbild|irisscan|iris scan|stimmprofil|stimmabdruck|empreinte digitale|empreinte vocale|huella dactilar|huella digital|huella facial|impronta digitale|impronta vocale|vingerafdruk|stemafdruk|gezichtsscan',
  },
  genetic: {
    self: 'gene variant|genvariante|variant of the gene|genetic variant|genetische variante|variante genetique|variante genetica|genetische variant|brca1|brca2|brca 1|brca 2|lynch syndrome|lynch syndrom|apoe4|apoe 4|factor v leiden|faktor v leiden|carrier status|tragerstatus|erbanlage|erbanlagen|erbkrank*',
    plain: 'genetic testing|genetic test|gentest|dna test|dna testing|23andme|ancestrydna|myheritage|genetisch bestatigt|genetically confirmed|cystic fibrosis|mukoviszidose|mucoviscidose|fibrosis quistica|fibrosi cistica|taaislijmziekte|huntington*|chorea huntington|sickle cell trait|hemochromatosis|hamochromatose|genetisch*|genetic*|genetiq*|genetic|erblich*|hereditar*|ereditar*|erfelijk*',
  },
  criminal: {
    self:
      'criminal record|police caution|caution for|received a caution|got a caution|police record|record for|prior convictions|previous convictions|spent conviction|unspent conviction|suspended sentence|community service order|electronic tag|ankle monitor|restraining order|banned from driving|driving ban|lost his licence|lost her licence|' +
      'vorstrafe|vorstrafen|vorbestraft|eintrag im fuhrungszeugnis|eintrage im fuhrungszeugnis|fuhrungszeugnis mit eintrag|fuhrungszeugnis nicht sauber|bewahrungsauflage*|fussfessel|fahrverbot|fuhrerschein entzogen|fuhrerschein weg|' +
      'casier judiciaire|casier charge|deja condamne|deja condamnee|sous bracelet electronique|bracelet electronique|retrait de permis|permis retire|' +
      'antecedentes penales|antecedentes policiales|tiene antecedentes|pulsera telematica|retirada del carnet|carnet retirado|' +
      'precedenti penali|fedina penale|fedina sporca|braccialetto elettronico|patente ritirata|ritiro della patente|' +
      'strafblad|justitiele documentatie|enkelband|rijbewijs ingevorderd|rijontzegging|taakstraf|werkstraf|voorwaardelijke straf',
    plain:
      'theft|burglary|robbery|assault|fraud|embezzlement|forgery|bribery|extortion|blackmail|arson|vandalism|manslaughter|murder|rape|sexual assault|indecent exposure|drink driving|drunk driving|drug dealing|trafficking|perjury|' +
      'diebstahl|einbruch|raub|korperverletzung|betrug|untreue|unterschlagung|urkundenfalschung|bestechung|erpressung|brandstiftung|sachbeschadigung|totschlag|mord|vergewaltigung|exhibitionismus|trunkenheitsfahrt|drogenhandel|drogenbesitz|meineid|steuerhinterziehung|insolvenzverschleppung|' +
      'vol|cambriolage|braquage|agression|escroquerie|abus de biens sociaux|faux et usage de faux|corruption|extorsion|chantage|incendie criminel|homicide|viol|conduite en etat d ivresse|trafic de stupefiants|fraude fiscale|' +
      'robo|hurto|allanamiento|atraco|agresion|estafa|malversacion|falsificacion|soborno|extorsion|chantaje|incendio provocado|homicidio|violacion|conduccion bajo los efectos|narcotrafico|fraude fiscal|' +
      'furto|rapina|aggressione|truffa|appropriazione indebita|corruzione|estorsione|ricatto|incendio doloso|omicidio|stupro|guida in stato di ebbrezza|spaccio|bancarotta|bancarotta fraudolenta|evasione fiscale|' +
      'diefstal|inbraak|overval|mishandeling|fraude|verduistering|valsheid in geschrifte|omkoping|afpersing|chantage|brandstichting|doodslag|moord|verkrachting|rijden onder invloed|drugshandel|belastingfraude|faillissementsfraude',
  },
};

/**
 * English CRM shorthand: how reps actually write it down — status words without
 * the clinical noun ("Type 1", "on the spectrum", "sober"), prison and court slang
 * ("did time", "out on bail", "tagged"), worship as routine ("goes to mass").
 */
const COLLOQUIAL_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = {
  health: {
    self:
      'hirnschlag|schlaganfall|unters messer|unter das messer|was bosartiges|etwas bosartiges|in der ssw|ssw|schwangerschaftswoche|' +
      'type 1 diabetic|type 2 diabetic|type one diabetic|type two diabetic|is type 1|is type 2|s type 1|s type 2|t1d|t2d|on the spectrum|on the autism spectrum|in rehab|in recovery from|in aa|in na|goes to aa|goes to na|aa meetings|na meetings|' +
      'got sober|stayed sober|been sober|is sober|s sober|sober for|sober since|clean and sober|recovering alcoholic|recovering addict|off sick|signed off sick|signed off with|off with stress|off with depression|off with anxiety|' +
      'has ms|got ms|s got ms|diagnosed with ms|flare up|flare-up|flareup|having a flare|had a flare|' +
      'on meds|on medication|on antidepressants|on chemo|in chemo|having chemo|finished chemo|on dialysis|having dialysis|expecting a baby|expecting twins|expecting triplets|going through ivf|doing ivf|having ivf|on ivf|' +
      'went to a e|in a e|taken to a e|rushed to hospital|in hospital|out of hospital|' +
      'having tests|having some tests|having more tests|tests for his|tests for her|waiting for test results|waiting on test results|having a scan|having scans|having an mri|had an mri|having a biopsy|had a biopsy|' +
      'baby is due|baby s due|her due date|due to give birth|on maternity leave|going on maternity|off on maternity|on paternity leave',
    plain: 'type 1|type 2|type one|type two|sober|flare up|flare ups|meltdown|burnt out|burned out|mental health|breakdown|the big c',
  },
  religion: {
    self:
      'goes to mass|goes to the mosque|goes to mosque|goes to temple|goes to the temple|goes to synagogue|goes to shul|goes to gurdwara|goes to the gurdwara|attends mass|attends mosque|attends church|attends synagogue|at mass|at mosque|at friday prayers|friday prayers|sunday service|church on sunday*|church every sunday|mosque on friday*|' +
      'keeps kosher|keeps halal|eats halal|only eats halal|observes shabbat|observes the sabbath|observes ramadan|fasting for ramadan|doing ramadan|keeps the sabbath|lay preacher|bible study|prayer group|prays five times',
    plain: 'mosque|synagogue|gurdwara|shul|sabbath|shabbat',
  },
  political: {
    self: 'die hard republican|die hard democrat|die hard tory|lifelong labour|lifelong tory|lifelong socialist|lifelong conservative|card carrying|paid up member|signed up member|party member|party activist|political activist|leafleting for|delivers leaflets for|door knocking for',
    plain: 'activist|protester|protesters|marched|on the march|rally|rallies',
  },
  ethnicity: { self: 'parents came from|parents came over from|family came from|family came over from|came over as refugees|came as refugees|as refugees from|as a refugee from|came here as a refugee|fled from', plain: '' },
  sexual_orientation: {
    self: 'came out as|came out last|came out to|has come out|his husband|her wife|his boyfriend|her girlfriend|same sex partner|same-sex partner|in a same sex|gay couple|lesbian couple',
    plain: 'came out',
  },
  trade_union: {
    self: 'shop steward|union organiser|union organizer|union convenor|union activist|union rep|union steward|union official|union branch|branch secretary|picket line|picket lines|on strike|strike ballot|union dues|pays his dues|pays her dues|in the union|joined the union|union card',
    plain: 'on strike|striking|walkout|walk out',
  },
  biometric: { self: '', plain: '' },
  genetic: { self: 'lynch gene|brca gene|huntington gene|huntington s gene|gene mutation|faulty gene|carries the gene|carrier of the gene|gene carrier|tested positive for the gene|positive for the gene', plain: '' },
  criminal: {
    self:
      'did time|doing time|done time|served time|behind bars|inside for|ex con|ex cons|ex convict|ex offender|ex prisoner|out on bail|on bail|released on bail|bail conditions|awaiting trial|pending trial|on remand|remanded|' +
      'electronic tag|ankle tag|on a tag|tagged till|tagged until|s tagged|is tagged|wears a tag|curfew|got arrested|got nicked|got busted|got locked up|got done for|been nicked|was nicked|locked up for|banned from driving|driving ban|lost his licence|lost her licence|lost his license|lost her license|' +
      'community service|community order|restraining order|suspended sentence|court case against him|court case against her|in court for|up in court|sentenced to|got sentenced',
    plain: 'shoplifting|dui|dwi|drink drive|drug dealing|possession|gbh|abh|affray',
  },
};

export const SPECIAL_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = Object.fromEntries(
  SPECIAL_KINDS.map((k) => [
    k,
    {
      self: [BASE_CUES[k].self, MORE_CUES[k].self, BREADTH_CUES[k].self, COLLOQUIAL_CUES[k].self, ENGLISH_CUES[k].self].filter((x) => x !== '').join('|'),
      plain: [BASE_CUES[k].plain, MORE_CUES[k].plain, BREADTH_CUES[k].plain, COLLOQUIAL_CUES[k].plain, ENGLISH_CUES[k].plain, WORDNET_CUES[k] ?? ''].filter((x) => x !== '').join('|'),
    },
  ]),
) as Record<SpecialKind, { self: string; plain: string }>;

/** Idioms that take back one kind's cue in their clause: the words are there, the statement is not. */
const BASE_IDIOMS: Readonly<Record<SpecialKind, string>> = {
  health: 'addicted to spreadsheets|addicted to coffee|addicted to work|addicted to the app|addicted to the product|addicted to our|addicted to his phone|addicted to her phone|addicted to email|addicted to emails|addicted to detail|addicted to data|addicted to dashboards|due date for|due date of|invoice due|payment due|tests for the|type 1 error*|type 2 error*|type i error*|type ii error*|pregnant pause|sober look|sober assessment|sober view|sober reading|sober analysis|spectrum of|full spectrum|broad spectrum|wide spectrum|across the spectrum|both ends of the spectrum|breakdown of|cost breakdown|price breakdown|allergic to change|allergic to risk|allergic to paperwork|allergic to long|allergic to discounts|mental health app*|mental health platform*|mental health benefit*|sick pay|sick leave policy|sick day policy|blind to|blind fur|blind voor|aveugle a|ciego a|cieco a|sick at the thought|sick to death|blind copy|blind copied|blind copy|blindkopie|sehnsucht|eifersucht|verkehrsbehinderung|sick of|sick and tired|ill prepared|ill advised|ill suited|ill timed|ill equipped|ill informed|krank vor|stress test|stress testing|load stress|stroke of luck|stroke of genius|health check|health insurance|gesundheitscheck|krankenkasse|krankenversicherung|mutuelle sante|seguro de salud|aseguradora de salud|assicurazione sanitaria|zorgverzekeraar|zorgverzekering',
  religion: 'religiously|convert the|convert to paid|convert to a paid|keen to convert|convert leads|convert trials|convert them|mosques and churches|churches and mosques|sabbath mode|devout fan|faith in|vertrauen in|foi en|fe en|fede in|geloof in|glaube an den erfolg|nicht koscher|not kosher|kosher restaurant*|halal restaurant*|halal food|kosher food|temple run|reyes catolicos',
  political: 'ran as a test|runs as a service|running as a service|ran as expected|runs as expected|ran as planned|ran for the bus|ran for the train|run for the bus|run for the train|running for the bus|running for the train|ran for it|run for it|run for cover|ran for cover|running for cover|party lines|party invite|party invites|party bag*|party pack*|launch party|sales party|protest too much|grune energie|grunen energie|gruner strom|grunen strom|grune technologie*|grunen technologie*|gruner wasserstoff|grunen wasserstoff|grune logistik|green energy|green tech|green hydrogen|green logistics|green it|rally the team|rallied the team|rally round|market rally|stock rally|relief rally|vertragspartei|vertragsparteien|gegenpartei|prozesspartei|political situation|political climate|political risk|politische lage|situation politique|situacion politica|situazione politica|politieke situatie|office politics|conservative estimate|conservatively|konservativ geschatzt|estimation prudente|stima prudente',
  ethnicity: 'mayoral race|leadership race|presidential race|senate race|council race|election race|rat race|arms race|race to the|race day|race track|racetrack|race car|race against|ethnic food|country of origin|origin of goods|herkunftsland|ursprungsland|pays d origine|pais de origen|paese di origine|land van herkomst|origin server|black friday|via roma|piazza roma|corso roma|roma termini|di roma|a roma|da roma|de roma|in roma|as roma|lazio roma',
  sexual_orientation: 'came out of|came out on|came out at|came out in|came out with|came out to be|came out ahead|came out top|came out well|came out fine|came out great|pride month|pride campaign|pride edition',
  trade_union: 'on strike price|strike price|lucky strike|strike a deal|strike a balance|walk out of the|walk out the door|union of|european union|customs union|credit union|student union|union square|union station|union pacific|union bank|union investment|soviet union|monetary union|banking union|union type|union types|union all|union select|union jack|african union|' +
    'syndicat intercommunal|syndicat mixte|syndicat des eaux|syndicat d initiative|syndicat de copropriete|syndicat patronal|sindicato de riegos|sindicato de regantes',
  biometric: 'biometric scanner|biometric scanners|fingerprint reader*|fingerprint sensor*',
  genetic: 'in our dna|in their dna|in its dna|company s dna|in der dna|in unserer dna|dans notre adn|dans l adn|en nuestro adn|nel nostro dna|in ons dna|genetic testing lab|genetic algorithm*',
  criminal: 'time boxing|time boxed|timeboxing|time tracking|time sheet*|time off|time zone*|time study|time studies|tagged as|tagged in|tagged with|tagged the|curfew mode|possession of the|possession of our|in possession of the|take possession|took possession|possession date|bail out|bailout|bailed out|sentenced to the|strong conviction|firm conviction|conviction that|deep conviction|killer feature|killer app|fraud detection|fraud prevention|anti fraud|betrugserkennung|betrugsschutz|detection de fraude|deteccion de fraude|rilevamento frodi|antifrode|fraudedetectie|fraudepreventie|vertragsstrafe|contractual penalty|late penalty|penalty clause|prison services|criminal law|strafrecht|droit penal|derecho penal|diritto penale',
};

export const IDIOMS: Readonly<Record<SpecialKind, string>> = Object.fromEntries(
  SPECIAL_KINDS.map((k) => [k, `${BASE_IDIOMS[k]}|${ENGLISH_IDIOMS[k]}`]),
) as Record<SpecialKind, string>;

/** Opening words that imply a person as subject when a note drops it ("Prefers no calls on Fridays", "Es diabético", "È iscritta"). */
export const SENTENCE_LEADS =
  'prefers|prefer|was|is|has|had|wants|needs|milita|milite|asked|told|said|mentioned|lives|works|takes|goes|does|doesn|cannot|recently|currently|can t|cant|won t|wont|did|got|gets|off|on|votes|voted|expecting|going|doing|carries|keeps|observes|attends|converted|came|stood|joined|marched|relapsed|recovering|diagnosed|uses|having|served|banned|tagged|sober|canvassing|' +
  'ist|hat|war|hatte|wurde|lebt|' +
  'est|a|etait|vit|' +
  'es|esta|tiene|fue|estuvo|vota|vive|' +
  'e|ha|era|fu|vive|' +
  'heeft|woont|stemt';

/** Verbs after which a capitalised word is most likely a person's name ("Greg is", "Jenny told us"). */
export const NAME_VERBS =
  'is|has|was|had|told|said|mentioned|explained|asked|and his|and her|s|says|gets|got|went|goes|uses|used|takes|took|keeps|kept|carries|observes|joined|served|did|does|came|pays|paid|marched|stood|runs|ran|needs|wants|wears|attends|attended|became|lost|relapsed|votes|voted|tested|can t|won t|will|just|recently|also|' +
  'ist|hat|war|hatte|erzahlte|sagte|meinte|erwahnte|' +
  'est|a dit|a explique|' +
  'es|esta|tiene|fue|dijo|comento|' +
  'e|ha|era|ha detto|' +
  'heeft|zei|vertelde';

/** Titles before a surname, in the six languages. */
export const TITLES = 'mr|mrs|ms|miss|dr|prof|herr|herrn|frau|hr|hrn|fr|kd|kdin|mme|madame|monsieur|mlle|sr|sra|srta|senor|senora|don|dona|sig|sigra|signor|signora|dhr|mevr|mevrouw|meneer';

/** Words before a name-like cue that make it the predicate: "she is Christian", "a devout Christian". */
export const PREDICATE_WORDS = 'is|was|are|were|s|a|an|as|devout|practising|practicing|observant|lapsed|strict|ist|war|sind|ein|eine|einer|als|est|es|un|une|una|uno|e|een';

/** Determiners, possessives and prepositions: a capitalised word after one is a noun or place, not a name. */
export const DETERMINERS =
  'l|san|santa|santo|saint|sankt|st|rue|calle|via|im|am|zum|zur|vom|beim|ins|in|at|on|for|from|of|to|au|aux|del|al|nel|nella|della|bij|van|voor|op|met|' +
  'the|a|an|our|their|this|that|its|der|die|das|den|dem|des|ein|eine|einer|einem|eines|unser|unsere|unserer|le|la|les|un|une|des|du|notre|leur|el|los|las|una|nuestro|nuestra|il|lo|gli|uno|nostro|nostra|de|het|een|ons|onze';

/** Words that mark a person as male or female, for partner agreement. */
export const MALE_WORDS =
  'he|him|his|himself|er|ihn|ihm|sein|seine|seinem|seinen|seiner|herr|herrn|hr|mr|hij|hem|il|lui|monsieur|m|senor|sr|don|signor|signore|sig|meneer|dhr|kunde|einkaufer|ansprechpartner';
export const FEMALE_WORDS =
  'she|her|herself|sie|ihr|ihre|ihrer|frau|fr|mrs|ms|miss|zij|ze|haar|elle|ella|lei|signora|sigra|senora|sra|madame|mme|mevrouw|mevr|kundin|einkauferin|ansprechpartnerin|clienta';
/** Partner phrases by the partner's gender ("mit einem Mann verheiratet", "sa compagne"). */
export const PARTNER_MALE_PHRASES =
  'sein mann|seinem mann|seinen mann|married to a man|mit einem mann verheiratet|mit einem mann zusammen|getrouwd met een man|marie a un homme|mariee a un homme|marie avec un homme|mariee avec un homme|son compagnon|son mari|' +
  'casado con un hombre|casada con un hombre|su novio|su marido|sposato con un uomo|sposata con un uomo|il suo compagno|suo marito|' +
  PARTNER_MALE_NAMED;
export const PARTNER_FEMALE_PHRASES =
  'ihrer partnerin|ihre partnerin|ihre frau|ihrer frau|mit ihrer frau|ihre ehefrau|ihrer ehefrau|mit ihrer lebensgefahrtin|married to a woman|mit einer frau verheiratet|mit einer frau zusammen|getrouwd met een vrouw|mariee a une femme|marie a une femme|marie avec une femme|mariee avec une femme|sa compagne|sa femme|' +
  'casada con una mujer|casado con una mujer|su novia|su esposa|sposata con una donna|sposato con una donna|la sua compagna|sua moglie|' +
  PARTNER_FEMALE_NAMED;

/** Cue nouns that name organisations: "The union …", "Die Gewerkschaft …" opening a sentence make it about the organisation. */
export const ORGANISATION_NOUNS =
  'union|unions|trade union|gewerkschaft|gewerkschaften|syndicat|syndicats|sindicato|sindicatos|sindacato|sindacati|vakbond|vakbonden|' +
  'hospital|krankenhaus|klinik|klinikum|clinic|hopital|clinique|clinica|ospedale|ziekenhuis|' +
  'church|kirche|eglise|iglesia|chiesa|kerk|mosque|moschee|mosquee|mezquita|moschea|moskee|party|partei|parti|partido|partito|partij';

/**
 * Per language of the text, when the caller knows it: words that are ordinary
 * words there and so no cue ("neu" is German for new, not the NEU union), and cue
 * words that are safe only there (Dutch "doof", "dove": deaf; in German "doof" is
 * silly, in Italian "dove" is where). Unknown language: every `off` list applies.
 */
export const LANGUAGE_WORDS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'nl', { off: string; only: Partial<Record<SpecialKind, string>> }>> = {
  en: { off: '', only: {} },
  // GPA: the Austrian white-collar union in German, a grade average in English.
  de: { off: 'neu', only: { trade_union: 'gpa|ogb' } },
  fr: { off: '', only: {} },
  es: { off: '', only: {} },
  it: { off: '', only: {} },
  nl: { off: '', only: { health: 'doof|dove|slechthorende' } },
};
/** "il" is "he" in French and "the" in Italian: its person and determiner readings by language. */
export const IL_IS_ARTICLE: readonly string[] = ['it'];
