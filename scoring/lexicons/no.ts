// Norwegian lexicons, bokmål and nynorsk forms side by side (one stemmer, natural's Norwegian).
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const no: Lexicon = {
  core: [
    'mentor', 'mentorer', 'mentoren', 'mentorene', 'mentorar', 'mentorane', 'mentorskap', 'mentorskapet', 'mentorordning', 'mentorordningen', 'mentorprogram',
    'mentorprogrammet', 'menti', 'mentien', 'mentier', 'mentiene', 'mentee', 'adept', 'adepten', 'mentoring', 'mentorrolle', 'mentorrollen', 'mentorsamtale',
    'mentorsamtaler', 'mentorsamtalar', 'mentorpar', 'mentorparet', 'mentorforhold', 'mentorrelasjon', 'mentorrelasjonen', 'gruppementorering', 'mentorering',
  ],
  mentorGuidance: [
    'første møte', 'første møtet', 'første samtale', 'bli kjent', 'verte kjent', 'lytte', 'lytt', 'aktiv lytting', 'still spørsmål', 'stille spørsmål', 'åpne spørsmål',
    'sette mål', 'mål', 'målene', 'måla', 'forventninger', 'forventningar', 'avklare forventninger', 'tilbakemelding', 'tilbakemeldinger', 'tilbakemeldingar',
    'gi tilbakemelding', 'konstruktiv', 'hold det du lover', 'hald det du lovar', 'holde avtaler', 'ærlig', 'ærleg', 'grenser', 'grenser', 'sette grenser',
    'møtes jevnlig', 'møtast jamleg', 'faste møter', 'faste møte', 'hver uke', 'kvar veke', 'annenhver uke', 'ukentlig', 'tilgjengelig', 'tilgjengeleg',
    'taushetsplikt', 'teieplikt', 'fortrolig', 'fortruleg', 'tillit', 'trygghet', 'tryggleik', 'empati', 'tålmodig', 'tolmodig', 'tålmodighet', 'oppmuntre',
    'oppmuntring', 'støtte', 'din menti', 'mentien din', 'som mentor', 'god mentor', 'bli mentor', 'verte mentor', 'ny mentor', 'nye mentorer', 'rollemodell',
    'dele erfaringer', 'del erfaringar', 'erfaringer', 'erfaringar', 'råd', 'veiledning', 'rettleiing', 'karriere', 'utvikling', 'læring', 'lære', 'fremgang',
    'framgang', 'feire', 'feil', 'spørsmål', 'kommunikasjon', 'tid', 'forpliktelse', 'motivasjon', 'motivere', 'utfordring', 'utfordringar', 'refleksjon',
    'reflektere', 'respekt', 'avslutte', 'avslutning', 'samtalen', 'samtale', 'nettverk',
  ],
  programGuidance: [
    'program', 'programmet', 'programmer', 'ordning', 'ordningen', 'ordninga', 'formål', 'formålet', 'rekruttere', 'rekruttering', 'rekruttere mentorer', 'matche',
    'matching', 'kobling', 'koble', 'sette sammen', 'par', 'koordinator', 'koordinatoren', 'prosjektleder', 'prosjektleiar', 'programansvarlig', 'ansvarlig',
    'opplæring', 'opplæringa', 'mentoropplæring', 'kurs for mentorer', 'oppfølging', 'følge opp', 'fylgje opp', 'evaluere', 'evaluering', 'evalueringen',
    'spørreundersøkelse', 'spørjeundersøking', 'måle', 'resultater', 'resultat', 'effekt', 'kull', 'oppstart', 'oppstartsmøte', 'søknad', 'utvelgelse', 'utval',
    'kriterier', 'kriterium', 'tidsplan', 'pilot', 'budsjett', 'deltakere', 'deltakarar', 'retningslinjer', 'retningslinjer', 'mentoravtale', 'avtale',
    'konflikt', 'bytte mentor', 'frivillige mentorer', 'organisasjon', 'organisasjonen', 'skalere', 'videreføre', 'kapasitet',
  ],
  actionability: [
    'steg', 'trinn', 'steg for steg', 'sjekkliste', 'sjekkliste', 'mal', 'maler', 'malar', 'verktøykasse', 'verktøy', 'last ned', 'nedlasting', 'arbeidsark',
    'agenda', 'eksempel', 'eksempler', 'døme', 'for eksempel', 'til dømes', 'tips', 'slik gjør du', 'slik gjer du', 'hvordan', 'korleis', 'husk', 'unngå',
    'anbefaler', 'tilrår', 'foreslår', 'veileder', 'rettleiar', 'guide', 'plan', 'øvelse', 'øving', 'aktivitet', 'aktiviteter', 'rammeverk', 'skjema', 'ressurser',
  ],
  coaching: [
    'coach', 'coacher', 'coachen', 'coaching', 'coachee', 'coachingsamtale', 'coachende', 'grow modellen', 'fasilitering', 'fasilitator', 'scrum', 'scrum master',
    'retrospektiv', 'livscoach', 'lederutvikling',
  ],
  tutoring: [
    'leksehjelp', 'leksehjelpen', 'lekser', 'leksene', 'lekse', 'privatundervisning', 'privatlærer', 'lærer', 'elev', 'elever', 'elevar', 'undervisning',
    'workshop', 'pensum', 'eksamen', 'prøve', 'karakter', 'karakterer', 'matte', 'matematikk', 'lesetrening', 'mattehjelp', 'klasserom',
    'skoletime'],
  onboarding: [
    'onboarding', 'nyansatt', 'nyansatte', 'ny medarbeider', 'nye medarbeidere', 'første dag', 'første arbeidsdag', 'første uke', 'introduksjonsprogram',
    'fadderordning', 'fadder', 'hr', 'personal', 'personalavdeling', 'lønn', 'medarbeider', 'medarbeidere', 'medarbeidarar', 'prøvetid', 'ansatt', 'ansatte',
    'tilsett', 'arbeidsplass', 'pc', 'tilganger', 'introduksjon',
  ],
  tech: [
    ...en.tech, 'installere', 'installer', 'installasjon', 'konfigurasjon', 'konfigurere', 'kommando', 'kommandolinje', 'oppsett', 'versjon', 'programvare',
    'kildekode', 'database', 'server', 'innlogging', 'brukernavn', 'passord', 'administrasjon', 'administrator',
  ],
  hardware: [...en.hardware, 'robotsett', 'byggesett', 'sett', 'sensor', 'motor', 'kretskort', 'lodde', 'lodding', 'batteri', 'montere', 'montering', 'skruer', 'hjul'],
  jobs: [
    'vi søker', 'stillingsannonse', 'ledig stilling', 'søknadsfrist', 'søk stillingen', 'søk her', 'arbeidsoppgaver', 'kvalifikasjoner',
    'timelønn', 'per time', 'deltid', 'heltid', 'vikariat'],
  leadership: [
    'ledelse', 'leder', 'ledere', 'leiar', 'leiarar', 'lederskap', 'leiarskap', 'medarbeidersamtale', 'medarbeidersamtaler', 'en til en samtale', 'teamleder',
    'delegere', 'sjef', 'ditt team', 'ansatte', 'medarbeidere',
  ],
  mentorSide: [
    'din menti', 'dine mentier', 'mentien din', 'som mentor', 'god mentor', 'gode mentorer', 'bli mentor', 'ny mentor', 'nye mentorer', 'mentorens rolle',
    'mentoren bør', 'mentorer bør', 'hjelp mentien', 'din adept', 'adepten din', 'være mentor', 'vere mentor',
  ],
  menteeSide: [
    'din mentor', 'mentoren din', 'som menti', 'finn en mentor', 'finne en mentor', 'få en mentor', 'søk', 'søker', 'søkere', 'søknaden din', 'praktikant',
    'praktikanter', 'praksisplass',
  ],
  mention: [
    'lanserer', 'lansering', 'kunngjør', 'vi er glade', 'glade for', 'søknadsfrist', 'frist', 'søk nå', 'gratulerer', 'velkommen', 'møt', 'intervju', 'arrangement',
    'webinar', 'påmelding', 'meld deg på', 'takk', 'video', 'opptak', 'dato', 'datoer',
  ],
};
