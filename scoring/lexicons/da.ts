// Danish lexicons (stemmed with our Snowball Danish stemmer, snowball.ts).
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const da: Lexicon = {
  core: [
    'mentor', 'mentoren', 'mentorer', 'mentorerne', 'mentors', 'mentorskab', 'mentorskabet', 'mentorordning', 'mentorordningen', 'mentorprogram', 'mentorprogrammet',
    'mentee', 'menteen', 'mentees', 'protegé', 'mentoring', 'mentorrolle', 'mentorrollen', 'mentorsamtale', 'mentorsamtaler', 'mentorpar', 'mentorforløb',
    'mentorforløbet', 'mentorrelation', 'mentorrelationen', 'gruppementoring',
  ],
  mentorGuidance: [
    'første møde', 'første samtale', 'lære hinanden at kende', 'lære at kende', 'lytte', 'lyt', 'aktiv lytning', 'stil spørgsmål', 'stille spørgsmål', 'åbne spørgsmål',
    'sætte mål', 'mål', 'målene', 'forventninger', 'forventningsafstemning', 'afstemme forventninger', 'feedback', 'tilbagemelding', 'tilbagemeldinger', 'give feedback',
    'konstruktiv', 'hold hvad du lover', 'holde aftaler', 'ærlig', 'grænser', 'sætte grænser', 'mødes jævnligt', 'faste møder', 'hver uge', 'hver anden uge',
    'ugentlig', 'tilgængelig', 'tavshedspligt', 'fortrolighed', 'fortroligt', 'tillid', 'tryghed', 'empati', 'tålmodig', 'tålmodighed', 'opmuntre', 'opmuntring',
    'støtte', 'din mentee', 'som mentor', 'god mentor', 'blive mentor', 'ny mentor', 'nye mentorer', 'rollemodel', 'dele erfaringer', 'erfaringer', 'råd',
    'vejledning', 'karriere', 'udvikling', 'læring', 'lære', 'fremskridt', 'fejre', 'fejl', 'spørgsmål', 'kommunikation', 'tid', 'forpligtelse', 'motivation',
    'motivere', 'udfordring', 'udfordringer', 'refleksion', 'reflektere', 'respekt', 'afslutte', 'afslutning', 'samtale', 'samtalen', 'netværk',
  ],
  programGuidance: [
    'program', 'programmet', 'ordning', 'ordningen', 'formål', 'formålet', 'rekruttere', 'rekruttering', 'rekruttere mentorer', 'matche', 'matchning', 'match',
    'sætte sammen', 'par', 'koordinator', 'koordinatoren', 'projektleder', 'programansvarlig', 'ansvarlig', 'uddannelse', 'mentoruddannelse', 'kursus for mentorer',
    'introduktion', 'opfølgning', 'følge op', 'evaluere', 'evaluering', 'evalueringen', 'spørgeskema', 'måle', 'resultater', 'effekt', 'hold', 'opstart',
    'opstartsmøde', 'ansøgning', 'udvælgelse', 'kriterier', 'tidsplan', 'pilot', 'budget', 'deltagere', 'deltagerne', 'retningslinjer', 'aftale', 'mentoraftale',
    'konflikt', 'skifte mentor', 'frivillige mentorer', 'organisation', 'organisationen', 'skalere', 'kapacitet',
  ],
  actionability: [
    'trin', 'trin for trin', 'tjekliste', 'skabelon', 'skabeloner', 'værktøjskasse', 'værktøj', 'download', 'hent', 'arbejdsark', 'dagsorden', 'eksempel', 'eksempler',
    'for eksempel', 'tips', 'sådan gør du', 'hvordan', 'husk', 'undgå', 'anbefaler', 'foreslår', 'guide', 'vejledning', 'håndbog', 'plan', 'øvelse', 'aktivitet',
    'aktiviteter', 'ramme', 'skema', 'ressourcer',
  ],
  coaching: ['coach', 'coaches', 'coachen', 'coaching', 'coachee', 'coachende', 'grow modellen', 'facilitering', 'facilitator', 'scrum', 'scrum master', 'retrospektiv', 'livscoach', 'lederudvikling'],
  tutoring: [
    'lektiehjælp', 'lektiehjælpen', 'lektier', 'lektie', 'lektiecafé', 'privatundervisning', 'lærer', 'elev', 'elever', 'eleverne', 'undervisning', 'workshop',
    'pensum', 'eksamen', 'prøve', 'karakter', 'karakterer', 'matematik', 'klasseværelse', 'lektion', 'lektioner'],
  onboarding: [
    'onboarding', 'nyansat', 'nyansatte', 'ny medarbejder', 'nye medarbejdere', 'første dag', 'første arbejdsdag', 'første uge', 'introduktionsforløb', 'buddy',
    'hr', 'personaleafdelingen', 'løn', 'medarbejder', 'medarbejdere', 'prøvetid', 'ansat', 'ansatte', 'arbejdsplads', 'computer', 'adgange',
  ],
  tech: [
    ...en.tech, 'installere', 'installation', 'installationen', 'konfiguration', 'konfigurere', 'kommando', 'kommandolinje', 'opsætning', 'version', 'software',
    'kildekode', 'database', 'server', 'login', 'brugernavn', 'adgangskode', 'administration', 'administrator',
  ],
  hardware: [...en.hardware, 'robotsæt', 'byggesæt', 'sæt', 'sensor', 'motor', 'printplade', 'lodde', 'lodning', 'batteri', 'samle', 'montering', 'skruer', 'hjul'],
  jobs: [
    'vi søger', 'stillingsopslag', 'ledig stilling', 'ansøgningsfrist', 'søg stillingen', 'arbejdsopgaver', 'kvalifikationer', 'timeløn', 'i timen', 'deltid', 'fuldtid', 'vikariat'],
  leadership: ['ledelse', 'leder', 'ledere', 'lederskab', 'medarbejdersamtale', 'mus samtale', 'en til en samtale', 'teamleder', 'uddelegere', 'chef', 'dit team', 'medarbejdere', 'ansatte'],
  mentorSide: [
    'din mentee', 'dine mentees', 'som mentor', 'god mentor', 'gode mentorer', 'blive mentor', 'ny mentor', 'nye mentorer', 'mentorens rolle', 'mentoren bør',
    'mentorer bør', 'hjælp din mentee', 'være mentor',
  ],
  menteeSide: ['din mentor', 'som mentee', 'find en mentor', 'finde en mentor', 'få en mentor', 'ansøg', 'ansøger', 'ansøgere', 'din ansøgning', 'praktikant', 'praktikanter', 'praktikplads'],
  mention: [
    'lancerer', 'lancering', 'annoncerer', 'vi er glade', 'glade for', 'ansøgningsfrist', 'frist', 'ansøg nu', 'tillykke', 'velkommen', 'mød', 'interview',
    'arrangement', 'webinar', 'tilmelding', 'tilmeld dig', 'tak', 'video', 'optagelse', 'dato', 'datoer',
  ],
};
