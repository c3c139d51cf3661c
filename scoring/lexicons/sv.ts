// Swedish lexicons. natural's Swedish stemmer leaves definite forms ("mentorn", "programmet") whole,
// so common forms are listed.
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const sv: Lexicon = {
  core: [
    'mentor', 'mentorn', 'mentorer', 'mentorerna', 'mentorns', 'mentorskap', 'mentorskapet', 'mentorprogram', 'mentorprogrammet', 'mentorsprogram', 'adept',
    'adepten', 'adepter', 'adepterna', 'adeptens', 'mentee', 'menteen', 'adeptskap', 'mentorsamtal', 'mentorsamtalet', 'mentorpar', 'mentorparet', 'mentoring',
    'mentorsrelation', 'mentorsrelationen', 'mentorrollen', 'gruppmentorskap',
  ],
  mentorGuidance: [
    'första mötet', 'första träffen', 'första samtalet', 'lära känna', 'lyssna', 'lyssnar', 'aktivt lyssnande', 'ställ frågor', 'ställa frågor', 'öppna frågor',
    'sätta mål', 'mål', 'målen', 'förväntningar', 'förväntningarna', 'tydliggöra förväntningar', 'återkoppling', 'feedback', 'ge feedback', 'ge återkoppling',
    'konstruktiv', 'håll det du lovar', 'hålla det du lovar', 'ärlig', 'gränser', 'sätta gränser', 'träffas regelbundet', 'regelbundna möten', 'varje vecka',
    'varannan vecka', 'tillgänglig', 'tystnadsplikt', 'förtroende', 'förtroendet', 'konfidentiell', 'tillit', 'trygghet', 'empati', 'tålamod', 'tålmodig',
    'uppmuntra', 'uppmuntran', 'stöd', 'stötta', 'din adept', 'som mentor', 'bra mentor', 'god mentor', 'bli mentor', 'ny mentor', 'nya mentorer', 'förebild',
    'dela erfarenheter', 'erfarenheter', 'råd', 'vägledning', 'karriär', 'utveckling', 'lärande', 'lära', 'framsteg', 'fira', 'misstag', 'frågor', 'kommunikation',
    'tid', 'engagemang', 'motivation', 'motivera', 'utmaning', 'utmaningar', 'reflektion', 'reflektera', 'respekt', 'avsluta', 'avslutning', 'samtal', 'samtalet',
    'nätverk',
  ],
  programGuidance: [
    'program', 'programmet', 'syfte', 'syftet', 'rekrytera', 'rekrytering', 'rekrytera mentorer', 'matcha', 'matchning', 'matchningen', 'para ihop', 'par',
    'samordnare', 'samordnaren', 'koordinator', 'koordinatorn', 'projektledare', 'programansvarig', 'ansvarig', 'utbildning', 'utbildningen', 'mentorsutbildning',
    'introduktion', 'uppföljning', 'följa upp', 'utvärdera', 'utvärdering', 'utvärderingen', 'enkät', 'enkäter', 'mäta', 'resultat', 'effekt', 'effekter',
    'omgång', 'kull', 'uppstart', 'uppstartsmöte', 'ansökan', 'urval', 'kriterier', 'tidsplan', 'pilot', 'budget', 'deltagare', 'deltagarna', 'riktlinjer',
    'överenskommelse', 'avtal', 'konflikt', 'byta mentor', 'ideella mentorer', 'organisation', 'organisationen', 'skala upp', 'kapacitet',
  ],
  actionability: [
    'steg', 'steg för steg', 'checklista', 'checklistan', 'mall', 'mallar', 'verktygslåda', 'verktyg', 'ladda ner', 'nedladdning', 'arbetsblad', 'agenda', 'exempel',
    'till exempel', 'tips', 'så gör du', 'hur', 'kom ihåg', 'undvik', 'rekommenderar', 'föreslår', 'guide', 'vägledning', 'handbok', 'plan', 'övning', 'aktivitet',
    'aktiviteter', 'ramverk', 'formulär', 'resurser',
  ],
  coaching: ['coach', 'coacher', 'coachen', 'coaching', 'coachning', 'coachee', 'coachande', 'grow modellen', 'facilitering', 'facilitator', 'scrum', 'scrum master', 'retrospektiv', 'livscoach', 'ledarutveckling'],
  tutoring: [
    'läxhjälp', 'läxhjälpen', 'läxor', 'läxa', 'läxläsning', 'privatlektioner', 'handledning', 'lärare', 'elev', 'elever', 'eleverna', 'undervisning', 'workshop',
    'kursplan', 'prov', 'betyg', 'matte', 'matematik', 'klassrum', 'lektion', 'lektioner'],
  onboarding: [
    'onboarding', 'introduktion av nyanställda', 'nyanställd', 'nyanställda', 'ny medarbetare', 'nya medarbetare', 'första dagen', 'första arbetsdagen', 'första veckan',
    'introduktionsprogram', 'fadder', 'hr', 'personalavdelningen', 'lön', 'medarbetare', 'medarbetarna', 'provanställning', 'anställd', 'anställda', 'arbetsplats',
    'dator', 'behörigheter',
  ],
  tech: [
    ...en.tech, 'installera', 'installation', 'installationen', 'konfiguration', 'konfigurera', 'kommando', 'kommandoraden', 'inställningar', 'version', 'programvara',
    'källkod', 'databas', 'server', 'inloggning', 'användarnamn', 'lösenord', 'administration', 'administratör',
  ],
  hardware: [...en.hardware, 'robotkit', 'byggsats', 'sats', 'sensor', 'motor', 'kretskort', 'löda', 'lödning', 'batteri', 'montera', 'montering', 'skruvar', 'hjul'],
  jobs: [
    'vi söker', 'platsannons', 'ledig tjänst', 'sista ansökningsdag', 'sök tjänsten', 'arbetsuppgifter', 'kvalifikationer', 'timlön', 'per timme', 'deltid', 'heltid', 'vikariat'],
  leadership: [
    'ledarskap', 'ledare', 'chef', 'chefer', 'medarbetarsamtal', 'utvecklingssamtal', 'enskilda samtal', 'teamledare', 'delegera', 'ditt team', 'medarbetare',
    'anställda', 'ledning',
  ],
  mentorSide: [
    'din adept', 'dina adepter', 'som mentor', 'bra mentor', 'god mentor', 'bli mentor', 'ny mentor', 'nya mentorer', 'mentorns roll', 'mentorn bör', 'mentorer bör',
    'hjälp din adept', 'vara mentor', 'adepten',
  ],
  menteeSide: ['din mentor', 'som adept', 'hitta en mentor', 'få en mentor', 'sök', 'sökande', 'din ansökan', 'praktikant', 'praktikanter', 'praktikplats'],
  mention: [
    'lanserar', 'lansering', 'meddelar', 'vi är glada', 'glada att', 'sista ansökningsdag', 'ansök nu', 'grattis', 'välkommen', 'möt', 'intervju', 'evenemang',
    'webbinarium', 'anmälan', 'anmäl dig', 'tack', 'video', 'inspelning', 'datum',
  ],
};
