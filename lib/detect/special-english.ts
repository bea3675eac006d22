/**
 * English breadth lists for special-category and criminal statements: the lay
 * vocabulary of UK, US, Irish, Australian and Canadian CRM notes, as families
 * (conditions and procedures, parties and their supporter words, denominations,
 * communities, unions, offences and sanctions) rather than single sentences.
 * Same entry syntax as special-lexicon.ts: '|' between entries, tokens
 * space-separated, apostrophes and hyphens split words ("crohn s").
 *
 * Words that are also ordinary business words ("reform", "prospect", "mass",
 * "carrier", "independent") appear only inside phrases that need the personal
 * reading ("voted reform", "brca carrier").
 */
import type { SpecialKind } from './special-lexicon';

const HEALTH_PLAIN =
  // Procedures and operations by their lay names.
  'mat leave|long term sick|long term sickness|long term illness|sickness absence|sick note|fit note|off on the sick|on the sick|syndrome|disorder|terminally ill|palliative|hospice care|in hospice|emphysema|in counselling|having counselling|seeing a counsellor|seeing a counselor|in therapy|vasectomy|hysterectomy|mastectomy|double mastectomy|lumpectomy|appendectomy|appendicitis|tonsillectomy|gallbladder removed|c section|caesarean|cesarean|triple bypass|heart bypass|bypass surgery|gastric bypass|gastric band|angioplasty|stent fitted|had a stent|hip replacement|knee replacement|joint replacement|cataract*|keyhole surgery|skin graft|colostomy|stoma|' +
  // Conditions as reps write them.
  'sickle cell|thalassaemia|thalassemia|haemophilia|hemophilia|cystic fibrosis|crohn s|crohns|colitis|ulcerative colitis|ibs|irritable bowel|coeliac|celiac|gluten intolerance|lupus|fibromyalgia|chronic fatigue|me cfs|psoriasis|endometriosis|pcos|menopause|perimenopause|menopausal|hrt|thyroid|hypothyroid*|hyperthyroid*|gout|osteoporosis|kidney stones|kidney failure|liver failure|cirrhosis|shingles|sepsis|pneumonia|meningitis|concussion|whiplash|slipped disc|sciatica|chronic pain|vertigo|glaucoma|macular degeneration|' +
  'leukaemia|leukemia|lymphoma|melanoma|carcinoma|brain tumour|brain tumor|radiotherapy|chemotherapy|angina|arrhythmia|atrial fibrillation|afib|heart condition|heart problems|heart murmur|blood clot|dvt|mini stroke|aneurysm|seizures|had a seizure|has seizures|epileptic fit|motor neurone|mnd|muscular dystrophy|cerebral palsy|spina bifida|down s syndrome|downs syndrome|down syndrome|tourette*|' +
  // Disabilities, aids and access.
  'housebound|bedbound|bed bound|hard of hearing|partially sighted|partially deaf|sight loss|hearing loss|hearing aid|hearing aids|guide dog|on crutches|walking stick|prosthetic leg|prosthetic arm|prosthetic limb|prosthesis|amputation|amputated|mobility scooter|blue badge|learning disability|learning disabilities|learning difficulty|learning difficulties|neurodivergent|dyslexic|dyslexia|dyspraxi*|dyscalculi*|stammer|stutter|' +
  // Mental health and addiction.
  'ocd|obsessive compulsive|bpd|personality disorder|psychosis|psychotic|self harm|self harming|suicidal|suicide attempt|nervous breakdown|sectioned|antidepressant*|prozac|sertraline|citalopram|methadone|detox|relapse|relapsed|alcoholism|the booze|on the wagon|off the wagon|gambling addict*|gambling problem|drug problem|drinking problem|drug addict|heroin|crack cocaine|cocaine habit|drug habit|' +
  // Pregnancy and fertility.
  'ivf|fertility treatment|fertility issues|fertility problems|infertile|infertility|egg freezing|surrogacy|weeks pregnant|months pregnant|weeks along|months along|morning sickness|antenatal|postnatal|post natal depression|postnatal depression|postpartum|stillbirth|ectopic|abortion|baby loss|' +
  'inhaler|epipen|epi pen|anaphylaxis|anaphylactic|nut allergy|peanut allergy|diabetes|t1 diabetic|pacemaker|defibrillator';

const HEALTH_SELF = 'had a miscarriage|lost the baby|lost a baby|is epileptic|s epileptic|is dyslexic|s dyslexic|is autistic|s autistic|is bipolar|s bipolar|is housebound|s housebound|in a wheelchair|wheelchair user|uses a wheelchair|on crutches|on the waiting list for|waiting list for surgery|waiting for an operation|had a heart attack|had a stroke|had a mini stroke|had a breakdown|is deaf|s deaf|going through the menopause|going through menopause';

const RELIGION_PLAIN =
  'observes lent|gives up something for lent|fasting for lent|fasts for lent|observes passover|observes diwali|observes yom kippur|fasts on yom kippur|celebrates diwali|celebrates eid|celebrates hanukkah|celebrates passover|jainism|jains|jain faith|jain family|baha i|bahai|bahais|bahaism|lds|latter day saint*|mormon*|quaker*|methodist*|baptist*|anglican*|episcopalian*|presbyterian*|pentecostal*|lutheran*|calvinist*|adventist*|seventh day adventist|amish|mennonite*|unitarian*|christadelphian*|born again|evangelical*|orthodox jew|orthodox jews|orthodox jewish|hasidic|haredi|shia|shiite|shi ite|sunni|ismaili|ahmadi*|sufi|salafi|rastafarian|rastafari|rasta|pagan|wiccan|zoroastrian|parsi|scientolog*|greek orthodox|russian orthodox|coptic|maronite|church of england|church of ireland|church of scotland|free church|catholicism|judaism|hinduism|sikhism|buddhism|islam|' +
  'hijab|niqab|burqa|burka|headscarf for religious|turban|kippah|yarmulke|rosary|crucifix|eid|diwali|vaisakhi|hanukkah|chanukah|yom kippur|passover|rosh hashanah|ashura|navratri|holy communion|first communion|confirmation class*|bar mitzvah|bat mitzvah|hajj|umrah|pilgrimage|mission trip|mission trips|lay reader|churchwarden|church warden|altar server|sings in the church choir|church choir|missionary|sunday school|bible|koran|quran|torah|scripture|ordained|deacon|elder at|lay minister|' +
  'converting to judaism|converted to judaism|converting to islam|converted to islam|converting to catholicism|converted to catholicism|converted to christianity|became a muslim|became a christian|reverted to islam|tithes|tithing';

const RELIGIONS = ['jain', 'sikh', 'hindu', 'muslim', 'catholic', 'christian', 'jew', 'buddhist', 'mormon', 'quaker', 'baptist', 'methodist', 'anglican', 'evangelical', 'baha i', 'bahai', 'rastafarian', 'pagan', 'zoroastrian'];
const RELIGION_SELF = RELIGIONS
  .flatMap((r) => [`practising ${r}`, `practicing ${r}`, `devout ${r}`, `observant ${r}`, `a ${r}`, `is ${r}`, `s ${r}`, `strict ${r}`, `lapsed ${r}`, `non practising ${r}`])
  .join('|');

/** Party names, abbreviations and nicknames in UK, IE, US, AU and CA notes. */
const PARTY_NAMES = [
  'tory', 'tories', 'conservative', 'labour', 'labor', 'lib dem', 'libdem', 'lib dems', 'liberal democrat', 'snp', 'plaid', 'plaid cymru', 'sinn fein', 'dup', 'uup', 'sdlp', 'alliance party', 'reform', 'reform uk', 'ukip', 'brexit party', 'green', 'greens', 'green party',
  'fianna fail', 'fine gael', 'labour party', 'people before profit', 'aontu', 'social democrats',
  'democrat', 'democratic', 'dem', 'dems', 'republican', 'gop', 'maga', 'libertarian', 'dsa', 'tea party',
  // South Africa, India, Austria, Germany; leaders whose name is the movement
  'anc', 'eff', 'bjp', 'aap', 'fpo', 'ovp', 'afd', 'spd', 'cdu', 'csu', 'fdp', 'bsw', 'bernie', 'modi', 'malema',
  'liberal', 'liberals', 'nationals', 'the nationals', 'one nation', 'teal', 'teals', 'ndp', 'bloc quebecois', 
];
const PARTY_ROLES = ['wahler', 'wahlerin', 'stammwahler', 'anhanger', 'anhangerin', 'mitglied', 'branch secretary', 'branch chair', 'ward councillor', 'supporter', 'supporters', 'voter', 'voters', 'member', 'councillor', 'councilor', 'candidate', 'activist', 'mp', 'td', 'mla', 'msp', 'senator', 'through and through', 'volunteer', 'canvasser', 'campaigner', 'organiser', 'organizer'];
const PARTY_LEADS = ['voted', 'votes', 'vote', 'voting', 'always votes', 'always voted', 'registered', 'a registered', 'lifelong', 'staunch', 'diehard', 'die hard', 'card carrying'];
const LEADER_NAMES = ['trump', 'biden', 'kamala', 'obama', 'farage', 'corbyn', 'starmer', 'sunak', 'boris', 'albanese', 'dutton', 'trudeau', 'poilievre', 'sanders', 'desantis', 'aoc'];
function partyPhrases(): string {
  const out: string[] = [];
  for (const l of LEADER_NAMES) for (const v of ['voted', 'votes', 'voted for', 'votes for', 'backs', 'backed', 'loves', 'hates', 'can t stand', 'big fan of', 'huge fan of', 'fan of']) out.push(`${v} ${l}`);
  for (const p of PARTY_NAMES) {
    for (const r of PARTY_ROLES) out.push(`${p} ${r}`);
    for (const l of PARTY_LEADS) out.push(`${l} ${p}`);
  }
  return out.join('|');
}
const POLITICAL_SELF =
  'brexiteer*|brexiter*|remainer*|remoaner*|rejoiner*|leave voter|remain voter|voted leave|voted remain|voted to leave|voted to remain|corbynista*|blairite*|trumper*|never trumper*|maga|shinner*|unionist*|ulster unionist|republican sympathies|nationalist sympathies|' +
  'independent candidate|as an independent|independent councillor|independent councilor|for the independents|votes independent|voted independent|stood for the council|stood for council|ran for council|runs for council|ran for office|running for office|stood for parliament|' +
  'young conservative|young conservatives|young labour|young republican|young republicans|young democrat|young democrats|college republican|college republicans|young greens|young liberals|party member|party membership|on the doorstep for|door knocking|canvasses|canvassed|canvassing|leafleting|leafleted|political views|politically|';

/** Nationality and origin words for community and heritage phrases. */
const ORIGINS =
  'bangladeshi|pakistani|indian|sri lankan|tamil|punjabi|gujarati|bengali|nepali|afghan|iranian|persian|iraqi|kurdish|syrian|lebanese|palestinian|turkish|moroccan|algerian|tunisian|egyptian|arab|somali|ethiopian|eritrean|sudanese|nigerian|ghanaian|kenyan|ugandan|congolese|zimbabwean|' +
  'caribbean|jamaican|trinidadian|barbadian|west indian|african|west african|east african|south asian|east asian|asian|chinese|vietnamese|filipino|korean|japanese|thai|malaysian|indonesian|' +
  'polish|romanian|bulgarian|lithuanian|latvian|ukrainian|russian|albanian|kosovan|bosnian|serbian|croatian|greek|cypriot|greek cypriot|turkish cypriot|italian|portuguese|spanish|irish|scottish|welsh|' +
  'brazilian|mexican|colombian|venezuelan|puerto rican|cuban|dominican|haitian|salvadoran|guatemalan|latin american|hispanic|latino|latina|jewish|roma|romani|traveller|maori|samoan|tongan|pacific islander|aboriginal|indigenous|first nations|native american|inuit|metis|yoruba|igbo|hausa';
function originPhrases(): string {
  const out: string[] = [];
  for (const o of ORIGINS.split('|')) {
    out.push(`${o} community`, `${o} communities`, `${o} heritage`, `${o} descent`, `${o} background`, `${o} roots`, `${o} born`, `${o} extraction`, `of ${o} heritage`, `of ${o} descent`, `of ${o} origin`, `of ${o} background`, `of ${o} extraction`, `${o} parents`);
  }
  for (const o of ['pakistani', 'indian', 'bangladeshi', 'chinese', 'nigerian', 'ghanaian', 'somali', 'caribbean', 'jamaican', 'african', 'asian', 'sikh', 'muslim', 'jewish', 'irish', 'polish', 'turkish', 'arab', 'iranian']) {
    out.push(`british ${o}`, `${o} american`, `${o} australian`, `${o} canadian`, `${o} irish`);
  }
  return out.join('|');
}
const ETHNICITY_SELF =
  'windrush generation|windrush|black british|black african|black caribbean|british asian|mixed race|dual heritage|mixed heritage|biracial|bi racial|person of colour|person of color|woman of colour|man of colour|woman of color|man of color|bame|bme|ethnic minority|irish traveller|traveller background|gypsy|romany|ashkenazi|sephardi*|mizrahi|maori|torres strait islander|aboriginal|first nations|native american|inuit|uyghur|latinx|chicano|chicana|afro caribbean|afro-caribbean';

const ETHNICITY_PLAIN = 'hakka|cantonese|han chinese|zulu|xhosa|amhara|oromo|tigrayan|pashtun|baloch|sindhi|hazara|sinhalese|telugu|malayali|marathi|kashmiri|berber|amazigh|bedouin|druze|assyrian|armenian|tatar|ashkenazi|black|white british|white irish|ethnically|heritage|ethnic background|ethnic origin|skin colour|skin color|refugee|asylum seeker|immigrant|immigrated|emigrated from';

/** Common first names by gender (EN, DE, FR, ES, IT, NL), only to tell "his partner Gareth" from "his partner Joanne"; names used by both genders are left out. */
export const MALE_NAMES =
  'gareth|james|john|robert|michael|david|richard|joseph|thomas|charles|daniel|matthew|anthony|paul|steven|stephen|andrew|kevin|brian|george|edward|peter|mike|dave|steve|tom|tony|gary|ian|' +
  'neil|craig|stuart|graham|simon|martin|keith|colin|derek|barry|trevor|nigel|clive|malcolm|wayne|darren|shaun|shane|scott|ryan|liam|connor|conor|sean|declan|ciaran|niall|padraig|cian|oisin|' +
  'eoin|darragh|rory|fergus|hamish|callum|angus|ewan|alistair|duncan|benjamin|luke|adam|jack|harry|oliver|william|henry|alfie|jacob|noah|ethan|mason|logan|lucas|owen|dylan|' +
  'rhys|gethin|dafydd|huw|aled|jason|justin|brandon|tyler|kyle|cody|brad|travis|dustin|jeremy|josh|joshua|nathan|nick|nicholas|zach|zachary|aaron|eric|greg|gregory|jeff|jeffrey|todd|bruce|' +
  'doug|douglas|fred|harold|howard|jerry|larry|roger|ronald|ron|russell|terry|walter|wesley|bob|jim|jimmy|joe|ken|kenneth|raymond|roy|stan|ted|vince|hans|klaus|jurgen|wolfgang|uwe|dieter|' +
  'stefan|andreas|markus|tobias|lukas|jonas|florian|sebastian|matthias|christoph|alexander|maximilian|felix|moritz|jan|jens|lars|sven|torsten|holger|ralf|rolf|bernd|gerhard|helmut|horst|' +
  'karl|werner|manfred|gunter|olaf|dirk|michel|philippe|nicolas|francois|laurent|julien|antoine|olivier|thierry|sebastien|guillaume|mathieu|vincent|benoit|jose|antonio|manuel|francisco|' +
  'javier|carlos|miguel|pablo|alejandro|sergio|jorge|alberto|fernando|diego|raul|giuseppe|giovanni|marco|luca|francesco|alessandro|matteo|lorenzo|davide|paolo|roberto|stefano|pete|mick|' +
  'paddy|dermot|colm|kev|gav|nige|phil|philip|phillip|rob|robbie|bobby|danny|johnny|tommy|billy|andy|matt|nate|dan|jon|jonathan|tim|timothy|hugh|leo|max|oscar|archie|theo|toby|freddie|seb|' +
  'rupert|giles|piers|tristan|gerry|gerard|brendan|kieran|cormac|fintan|seamus|eamon|eamonn|donal|ronan|alan|allan|mitch|brett|cameron|lachlan|jarrod|' +
  'jeroen|pieter|sander|bram|joost|bart|wouter|ruben|thijs|daan|mehmet|ahmet|ahmed|hassan|ibrahim|mustafa|ali|yusuf|mohammed|mohamed|omar|tariq|raj|rahul|arjun|sanjay|vikram|amit';
export const FEMALE_NAMES =
  'joanne|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|nancy|emma|olivia|emily|anna|laura|kate|katie|claire|rachel|rebecca|amy|amanda|helen|louise|' +
  'julie|jane|jenny|jennie|alison|angela|carol|caroline|catherine|deborah|debbie|donna|fiona|gemma|hannah|jackie|jacqueline|joanna|kelly|kirsty|lauren|leanne|lindsay|lorraine|lucy|maria|' +
  'michelle|natalie|rachael|samantha|sharon|sophie|stacey|tracy|tracey|victoria|vicky|zoe|chloe|megan|charlotte|amelia|ava|ellie|freya|siobhan|sinead|aoife|niamh|roisin|orla|ciara|caoimhe|' +
  'grainne|maeve|saoirse|aisling|eimear|deirdre|bronwyn|bethan|cerys|rhiannon|sian|eilidh|morag|kirsteen|brittany|courtney|melissa|stephanie|tiffany|brenda|cheryl|cindy|diane|doris|' +
  'dorothy|gloria|janet|janice|joan|judy|judith|kathleen|kathy|marilyn|martha|pamela|peggy|sandra|shirley|teresa|theresa|wendy|sabine|petra|monika|claudia|julia|katrin|nicole|stefanie|birgit|' +
  'ursula|lena|lea|anke|heike|silke|susanne|kerstin|karin|gabriele|renate|ingrid|britta|jana|franziska|johanna|marie|nathalie|isabelle|sylvie|camille|manon|celine|aurelie|sandrine|veronique|' +
  'carmen|lucia|elena|isabel|pilar|marta|cristina|ana|giulia|francesca|chiara|sara|valentina|federica|elisa|silvia|paola|jodie|kayla|sue|liz|beth|bev|jen|steph|becky|mandy|tina|gill|gillian|' +
  'hayley|kerry|lynn|lynne|pauline|maureen|margaret|eileen|bernadette|noreen|nuala|tara|clodagh|shauna|edel|paula|tanya|sonia|vanessa|sally|penny|annie|alice|sophia|abigail|bella|evie|lily|' +
  'molly|jasmine|ellen|maggie|nina|vera|kylie|sheila|shelley|tegan|jade|' +
  'anouk|sanne|femke|lotte|eva|fleur|ilse|marieke|fatma|ayse|emine|fatima|aisha|ayesha|priya|anjali|deepa|sunita|leila|yasmin|nadia|olga|irina|natasha';

/** "his partner Gareth", "her fiancée Joanne": the partner's gender from the name after the partner word. */
function partnerNames(names: string): string {
  const out: string[] = [];
  for (const n of names.split('|')) for (const w of ['partner', 'fiance', 'fiancee', 'spouse']) out.push(`${w} ${n}`);
  return out.join('|');
}
export const PARTNER_MALE_NAMED = partnerNames(MALE_NAMES);
/** "Nick's boyfriend", "Lucy's wife": a first name owning a partner word of the same gender. */
function ownPartner(names: string, partners: readonly string[]): string {
  const out: string[] = [];
  for (const n of names.split('|')) for (const w of partners) out.push(`${n} s ${w}`);
  return out.join('|');
}
const SAME_GENDER_OWNED = `${ownPartner(MALE_NAMES, ['boyfriend', 'husband', 'hubby'])}|${ownPartner(FEMALE_NAMES, ['girlfriend', 'wife', 'missus'])}`;
export const PARTNER_FEMALE_NAMED = partnerNames(FEMALE_NAMES);

/** Unions of the UK, Ireland, the US, Australia and Canada whose names are not ordinary words. */
const UNIONS =
  'unite|unison|gmb|usdaw|rmt|nasuwt|ucu|pcs|cwu|bma|rcn|aslef|fbu|eis|bectu|nipsa|bfawu|tssa|ucatt|' +
  'siptu|forsa|inmo|ictu|connect trade union|asti|' +
  'teamsters|seiu|uaw|afscme|ibew|aft|ufcw|cwa|usw|ilwu|afl cio|' +
  'cfmeu|cfmmeu|awu|anmf|nteu|cpsu|meaa|twu|sda|asu|etu|amwu|hsu|ieu|' +
  'unifor|cupe|opseu|psac|csn|ftq';
function unionPhrases(): string {
  const out: string[] = [];
  for (const u of UNIONS.split('|')) {
    for (const r of ['rep', 'representative', 'steward', 'shop steward', 'delegate', 'convenor', 'member', 'official', 'organiser', 'organizer', 'branch secretary', 'activist']) out.push(`${u} ${r}`);
    for (const m of ['member of the', 'member of', 'joined the', 'joined', 'in the', 'active in the', 'rep for the', 'delegate for the', 'steward for the']) out.push(`${m} ${u}`);
  }
  return out.join('|');
}
const UNION_SELF = 'if metall|marburger bundes|nupeng|pengassan|nigeria labour congress|asuu|cosatu|numsa|sadtu|nehawu|popcru|citu|aituc|intuc|hind mazdoor sabha|unia|syna|vpod|younion|pro ge|union delegate|union member|union members|union membership|union meeting|union meetings|union branch|union dues|union card|pays union dues|in a union|in the union|union man|union woman|union guy|very pro union|strongly pro union|workplace rep|health and safety rep|collective bargaining rep';

/** Offences, sanctions and driving penalties. */
const CRIMINAL_SELF =
  'points on his licence|points on her licence|points on his license|points on her license|points on his driving licence|points on her driving licence|points on my licence|penalty points|licence taken off|license taken off|licence taken away|license taken away|licence revoked|license revoked|licence suspended|license suspended|suspended licence|suspended license|disqualified from driving|driving disqualification|driving ban|banned from the road|lost his licence|lost her licence|lost his license|lost her license|' +
  'drink driving|drink-driving|drunk driving|drink drive|drunk drive|dui|dwi|owi|speeding conviction|convicted of speeding|caught speeding|speeding fine|speeding ticket|speeding points|done for speeding|done for drink driving|done for drunk driving|done for tax|done for fraud|done for drugs|done for assault|done for theft|done for possession|done for shoplifting|done for fighting|' +
  'police caution|accepted a caution|got a caution|received a caution|given a caution|formal caution|fixed penalty|community payback|unpaid work order|restraining order|protection order|non molestation order|asbo|criminal conviction|spent conviction|unspent conviction|criminal record|sex offenders register|sex offender register|sex offenders list|' +
  'penalty points|got points|got 3 points|got three points|got 6 points|got six points|got 9 points|got nine points|points for speeding|phone while driving|careless driving|dangerous driving|driving without insurance|driving while disqualified|uninsured driving|mobile phone offence|was cautioned|been cautioned|got cautioned|cautioned by police|cautioned by the police|fined by the court|court appearance|appeared in court|magistrates court|crown court|district court|pleaded guilty|pled guilty|found guilty|not guilty verdict|acquitted|charged with|arrested for|arrested over|arrested at|custodial sentence|prison sentence|jail sentence|served a sentence|served his sentence|served her sentence|out on parole|on parole|on probation|probation officer|youth offender|young offender|juvenile record|misdemeanor|misdemeanour|felony|' +
  'tax evasion|money laundering|insider trading|embezzled|embezzling|fraud conviction|convicted of|under investigation by the police|police investigation into him|police investigation into her|investigated by police|police interview|interviewed under caution|released under investigation';

const CRIMINAL_PLAIN = 'hmp|penitentiary|correctional facility|correctional centre|correctional center|county jail|state prison|federal prison|jva|justizvollzugsanstalt|shoplifting|burglary|affray|gbh|abh|offender|reoffended|reoffending';

const BIOMETRIC_SELF = 'voice sample of|voice samples of|voiceprint of|fingerprints of|fingerprint of|face scan of|iris scan of|retina scan of|palm scan of|his voice sample|her voice sample|his fingerprints|her fingerprints|his face scan|her face scan|his iris scan|her iris scan|his voiceprint|her voiceprint';
const BIOMETRIC_PLAIN = 'gesichts template|gesichtstemplate|gesichtstemplates|gesichtsprofil|stimmabdruck|stimmprofil|stimmbiometrie|faceprint|face print|voice sample|voice samples|voiceprint|voice print|voice biometric*|speaker verification|fingerprints|palm scan|palm print|palm vein|hand geometry|iris scan|iris pattern|facial scan|facial image|face template|facial template|facial geometry|gait analysis|keystroke dynamics|signature dynamics';

const GENETIC_DISEASES = ['cystic fibrosis', 'sickle cell', 'huntington s', 'huntingtons', 'brca', 'brca1', 'brca2', 'tay sachs', 'thalassaemia', 'thalassemia', 'haemochromatosis', 'hemochromatosis', 'lynch syndrome', 'apoe4', 'apoe', 'fragile x'];
function geneticPhrases(): string {
  const out: string[] = [];
  for (const d of GENETIC_DISEASES) out.push(`carries the ${d} gene`, `${d} gene`, `${d} carrier`, `${d} mutation`, `${d} positive`, `carrier of ${d}`, `carrier for ${d}`, `positive for ${d}`, `tested for ${d}`);
  return out.join('|');
}
const GENETIC_PLAIN = 'vaterschaftstest|paternity test|abstammungstest|dna test|dna testing|dna results|dna kit|genetic test*|genetic screening|genome|genomic|ancestry test|ancestry dna|myheritage|23andme|predisposition|genetic marker|genetic condition|genetic disorder|inherited condition|hereditary|genetic counsellor|genetic counselor|gene test|carrier screening';

/** Operations named by the body part: "knee surgery", "hip replacement", "heart op". */
const BODY_PARTS = ['knee', 'hip', 'shoulder', 'back', 'spine', 'spinal', 'heart', 'eye', 'brain', 'foot', 'ankle', 'wrist', 'hand', 'bladder', 'bowel', 'hernia', 'bypass', 'cardiac', 'weight loss', 'gastric band', 'gastric bypass'];
const BODY_OPERATIONS = BODY_PARTS.flatMap((b) => [`${b} surgery`, `${b} operation`, `${b} op`, `${b} replacement`]).join('|');

/** Medicines by brand and generic name that WordNet (2011) does not know. */
const MODERN_DRUGS = 'humira|ozempic|wegovy|mounjaro|saxenda|keytruda|opdivo|herceptin|eliquis|xarelto|jardiance|trulicity|januvia|farxiga|dupixent|stelara|enbrel|remicade|lantus|novorapid|humalog|tresiba|levothyroxine|synthroid|metformin|atorvastatin|lipitor|statins|on statins|sertraline|zoloft|fluoxetine|citalopram|escitalopram|lexapro|venlafaxine|mirtazapine|quetiapine|seroquel|olanzapine|aripiprazole|abilify|lithium tablets|ritalin|adderall|concerta|elvanse|vyvanse|methylphenidate|donepezil|aricept|memantine|levodopa|tamoxifen|letrozole|truvada|biktarvy|methotrexate|prednisolone|warfarin|clopidogrel|epipen|ventolin|salbutamol|insulin pump|insulin pen|insulin pens';

/** "had her gallbladder out", "appendix removed": an organ taken out is an operation. */
const ORGANS = ['gallbladder', 'gall bladder', 'appendix', 'tonsils', 'adenoids', 'wisdom teeth', 'wisdom tooth', 'spleen', 'kidney', 'ovaries', 'ovary', 'womb', 'uterus', 'thyroid', 'prostate', 'cataract', 'cataracts', 'bunion', 'bunions', 'polyps', 'cyst', 'lump', 'mole', 'stitches'];
const ORGAN_REMOVALS = ORGANS.flatMap((o) => [`${o} out`, `${o} removed`, `${o} taken out`, `${o} op`, `${o} operation`, `${o} surgery`]).join('|');

export const ENGLISH_CUES: Readonly<Record<SpecialKind, { self: string; plain: string }>> = {
  health: { self: HEALTH_SELF, plain: `${HEALTH_PLAIN}|spielsuchtig|spielsucht|alkoholsuchtig|alkoholsucht|drogensuchtig|drogensucht|magersuchtig|magersucht|kaufsuchtig|selbsthilfegruppe|anonyme alkoholiker|erdnussallergie|nussallergie|adrenalin pen|psychosomatische klinik|psychosomatischen klinik|psychiatrische klinik|in der psychiatrie|rehaklinik|reha klinik|suchtklinik|entzugsklinik|${BODY_OPERATIONS}|${MODERN_DRUGS}|klinikaufenthalt|krankenhausaufenthalt|reha aufenthalt|rehaaufenthalt|${ORGAN_REMOVALS}|psych unit|psych ward|psychiatric unit|mental health unit|in rehab|sectioned` },
  religion: { self: RELIGION_SELF, plain: `${RELIGION_PLAIN}|shabbat|shabbos|schabbat|sabbat|sabbath|daily mass|sunday mass|goes to mass|went to mass|attends mass|at mass|midnight mass|devotee|devotees|mennonit|mennonitin|mennoniten|kashrut|keeps kashrut|keep kashrut` },
  political: { self: `${POLITICAL_SELF}${partyPhrases()}`, plain: '' },
  ethnicity: { self: `${ETHNICITY_SELF}|${originPhrases()}`, plain: `${ETHNICITY_PLAIN}|traveller family|traveller families|traveller community|travelling community|pavee|first nation|first nations|first nation status` },
  sexual_orientation: { self: `${SAME_GENDER_OWNED}|` + 'openly gay|openly lesbian|openly bi|came out as bi|came out as gay|came out as lesbian|bisexual|pansexual|asexual|nonbinary|non binary|trans man|trans woman|his boyfriend|her girlfriend|his husband|her wife|civil partnership|same sex marriage', plain: '' },
  trade_union: { self: `${UNION_SELF}|${unionPhrases()}`, plain: 'picket|picketing|strike action|industrial action' },
  biometric: { self: BIOMETRIC_SELF, plain: BIOMETRIC_PLAIN },
  genetic: { self: geneticPhrases(), plain: GENETIC_PLAIN },
  criminal: { self: CRIMINAL_SELF, plain: CRIMINAL_PLAIN },
};

/** "a Jain temple trust", "a Catholic school": the faith word describes an organisation, not a person. */
const FAITH_ORGANISATIONS = RELIGIONS.flatMap((r) =>
  ['temple', 'church', 'charity', 'school', 'college', 'trust', 'centre', 'center', 'hospital', 'hospice', 'foundation', 'community centre', 'owned'].map((o) => `a ${r} ${o}`),
).join('|');

/** "the client's Diwali office party", "Eid sale": a festival as an event or offer says nothing of anyone's faith. */
const FESTIVAL_EVENTS = ['diwali', 'eid', 'hanukkah', 'chanukah', 'passover', 'navratri', 'vaisakhi', 'holi', 'ramadan', 'easter', 'christmas', 'lent']
  .flatMap((f) => ['party', 'office party', 'celebration', 'celebrations', 'lunch', 'dinner', 'event', 'sale', 'sales', 'promotion', 'campaign', 'offer', 'menu', 'hamper', 'hampers', 'card', 'cards', 'gifts', 'decorations', 'greetings', 'rush', 'break', 'holidays', 'feier', 'aktion', 'angebot'].map((e) => `${f} ${e}`))
  .join('|');

/** "Voting for the customer advisory board chair", "voted for the proposal": votes in business. */
const VOTES_ON_BUSINESS = ['vote', 'votes', 'voted', 'voting']
  .flatMap((v) => ['board', 'chair', 'proposal', 'motion', 'budget', 'option', 'vendor', 'supplier', 'award', 'winner', 'best', 'customer', 'new', 'plan', 'merger', 'deal', 'contract', 'renewal', 'shortlist', 'logo', 'name', 'design', 'feature'].map((o) => `${v} for the ${o}`))
  .join('|');

/** Idioms of the families above: the words are there, the statement is not. */
export const ENGLISH_IDIOMS: Readonly<Record<SpecialKind, string>> = {
  health: 'deal liegt auf der intensivstation|projekt liegt auf der intensivstation|allergic to the new|allergic to new|a bit allergic to|quote is sick|deal is sick|offer is sick|price is sick|numbers are sick|results are sick|demo is sick|that s sick|addicted to the new|addicted to this|addicted to that|krank gut|krank viel|krank viele|krank teuer|voll krank|allergic to change|allergic to risk|allergic to paperwork|allergic to meetings|allergic to contracts|allergic to long|allergic to multi|allergic to cold calls|allergic to sales|pregnant with ideas|pregnant pause|schwanger mit ideen|schwanger mit neuen ideen|detox tea|digital detox|data detox|relapse rate|customer relapse|stutter in the|stammer in the|sick of|ocd about|a bit ocd|bit ocd|so ocd',
  religion: `${FAITH_ORGANISATIONS}|${FESTIVAL_EVENTS}|` + 'religious about|almost religious|religiously|fast schon religios|geradezu religios|religios bei|religios beim|religios wenn|bible of|the bible for|our bible|sales bible|mission statement|pilgrimage to the|evangelical about|evangelist for|product evangelist|tech evangelist|gospel of|holy grail',
  political: `${VOTES_ON_BUSINESS}|` + 'politically neutral|politisch neutral|politically correct|politically sensitive|green light|green lit|going green|greener|green energy|green tech|reform group|pension reform|tax reform|labor costs|labor cost|labour costs|labour market|labor market|independent retailer*|independent retail|independent review|independent audit|independent consultant|liberal with|liberal use|conservative estimate|conservative forecast|party for the|party at the|teal colour|teal color|teal logo',
  ethnicity: 'heritage brand|heritage site|heritage building|heritage range|grew up in sales|grew up in the industry',
  sexual_orientation: 'pride event|pride sponsorship|pride of place|pride ourselves|takes pride|take pride|pride in',
  trade_union: 'union of the|union of two|union of both|strikes a good|strike a good|strikes a balance|picket fence|the union of',
  biometric: 'fingerabdrucksensor*|fingerabdruckscanner*|fingerabdruckleser*|fingerabdruck der marke|fingerabdruck des unternehmens|fingerprint of the brand|brand fingerprint|digitaler fingerabdruck|digital fingerprint|browser fingerprint|device fingerprint|voice sample library|voice samples library|fingerprint reader|fingerprint readers|fingerprint scanner|fingerprint sensor|face id login|face scan login|fingerprints all over|iris scan sku',
  genetic: 'in our dna|in their dna|in its dna|company dna|brand dna|part of our dna|genetic algorithm|genome of the',
  criminal: 'wie im gefangnis|wie ein gefangnis|like a prison|like being in prison|like prison|feels like jail|like jail|real conviction|with conviction|with real conviction|great conviction|full of conviction|murder for a|kill for a|would kill for|d kill for|commit murder for|away with murder|killing it|killed it|crushing it|court for squash|tennis court|squash court|basketball court|food court|caution with|with caution|word of caution|proceed with caution|sentence case|life sentence on the|speeding up|speeding things up|sentence in the|conviction that|points on the loyalty|loyalty points|charged twice|charged for|charged to|charged at|charged the|charged a|charged us|fully charged|charged up|in possession of the|possession of the|possession date|offence taken|no offence|no offense|parole board tender',
};
