// German lexicons (stemmed with our Snowball German stemmer, snowball.ts). Inclusive forms
// (Mentor:innen, Mentor*innen, MentorInnen) tokenise to "mentor" + "innen" or "mentorinnen".
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const de: Lexicon = {
  core: [
    'mentor', 'mentoren', 'mentorin', 'mentorinnen', 'mentors', 'mentoring', 'mentorings', 'mentee', 'mentees', 'mentorat', 'mentorenprogramm',
    'mentoringprogramm', 'mentoring programm', 'mentoringprogramme', 'mentorship', 'tandem', 'tandems', 'mentoringbeziehung', 'mentoring beziehung', 'mentoringtandem',
    'mentoringgespräch', 'mentoringgespräche', 'mentorenrolle', 'gruppenmentoring', 'peer mentoring', 'patenschaft', 'patenschaften', 'mentoringpaar',
  ],
  mentorGuidance: [
    'erstes treffen', 'ersten treffen', 'erste gespräch', 'erstes gespräch', 'kennenlernen', 'kennen lernen', 'zuhören', 'hör zu', 'aktives zuhören',
    'fragen stellen', 'offene fragen', 'ziele setzen', 'ziele', 'ziel', 'erwartungen', 'erwartungen klären', 'feedback', 'rückmeldung', 'rückmeldungen',
    'feedback geben', 'konstruktiv', 'versprechen halten', 'halte was du versprichst', 'ehrlich', 'grenzen', 'grenzen setzen', 'regelmäßig treffen',
    'regelmäßige treffen', 'feste termine', 'jede woche', 'wöchentlich', 'alle zwei wochen', 'erreichbar', 'verfügbar', 'vertraulichkeit', 'vertraulich', 'vertrauen',
    'sicherheit', 'empathie', 'geduld', 'geduldig', 'ermutigen', 'ermutigung', 'unterstützen', 'unterstützung', 'dein mentee', 'deine mentee', 'als mentor',
    'als mentorin', 'guter mentor', 'gute mentorin', 'mentor werden', 'neue mentoren', 'vorbild', 'erfahrungen teilen', 'erfahrungen', 'rat', 'ratschläge',
    'orientierung', 'karriere', 'entwicklung', 'lernen', 'fortschritt', 'fortschritte', 'feiern', 'fehler', 'fragen', 'kommunikation', 'zeit', 'verbindlichkeit',
    'motivation', 'motivieren', 'herausforderung', 'herausforderungen', 'reflexion', 'reflektieren', 'respekt', 'abschluss', 'beenden', 'gespräch', 'gespräche',
    'netzwerk',
  ],
  programGuidance: [
    'programm', 'programms', 'programme', 'zweck', 'ziel des programms', 'rekrutieren', 'rekrutierung', 'gewinnen', 'mentoren gewinnen', 'matching', 'passende tandems',
    'zusammenbringen', 'koordination', 'koordinator', 'koordinatorin', 'projektleitung', 'programmleitung', 'verantwortliche', 'schulung', 'schulungen',
    'mentorenschulung', 'qualifizierung', 'einführung', 'begleitung', 'begleiten', 'nachbereitung', 'evaluieren', 'evaluation', 'auswertung', 'befragung', 'umfrage',
    'messen', 'ergebnisse', 'wirkung', 'durchgang', 'jahrgang', 'auftakt', 'auftaktveranstaltung', 'kick off', 'bewerbung', 'auswahl', 'kriterien', 'zeitplan',
    'pilot', 'pilotphase', 'budget', 'teilnehmende', 'teilnehmer', 'teilnehmerinnen', 'leitfaden', 'richtlinien', 'vereinbarung', 'mentoringvereinbarung',
    'konflikt', 'konflikte', 'ehrenamtliche mentoren', 'ehrenamtlich', 'organisation', 'kapazität',
  ],
  actionability: [
    'schritt', 'schritte', 'schritt für schritt', 'checkliste', 'vorlage', 'vorlagen', 'toolkit', 'werkzeugkasten', 'download', 'herunterladen', 'arbeitsblatt',
    'agenda', 'tagesordnung', 'beispiel', 'beispiele', 'zum beispiel', 'tipp', 'tipps', 'so geht', 'wie', 'denk daran', 'vermeiden', 'empfehlen', 'empfehlung',
    'vorschlag', 'leitfaden', 'handbuch', 'anleitung', 'plan', 'übung', 'aktivität', 'aktivitäten', 'methode', 'methoden', 'formular', 'materialien',
  ],
  coaching: ['coach', 'coaches', 'coaching', 'coachee', 'coachin', 'coachinggespräch', 'grow modell', 'moderation', 'moderator', 'scrum', 'scrum master', 'retrospektive', 'lifecoach', 'führungskräfteentwicklung', 'supervision'],
  tutoring: [
    'nachhilfe', 'nachhilfelehrer', 'hausaufgaben', 'hausaufgabenhilfe', 'hausaufgabenbetreuung', 'lernhilfe', 'lehrer', 'lehrerin', 'schüler', 'schülerin', 'schülerinnen',
    'unterricht', 'workshop', 'lehrplan', 'prüfung', 'klausur', 'mathe', 'mathematik', 'klassenzimmer', 'unterrichtsstunde'],
  onboarding: [
    'onboarding', 'einarbeitung', 'einarbeitungsplan', 'neue mitarbeitende', 'neue mitarbeiter', 'neuer mitarbeiter', 'erster arbeitstag', 'ersten tag', 'erste woche',
    'pate', 'patin', 'buddy', 'personalabteilung', 'personal', 'gehalt', 'mitarbeitende', 'mitarbeiter', 'mitarbeiterin', 'probezeit', 'angestellte', 'arbeitsplatz',
    'laptop', 'zugänge',
  ],
  tech: [
    ...en.tech, 'installieren', 'installation', 'konfiguration', 'konfigurieren', 'befehl', 'befehle', 'kommandozeile', 'einrichtung', 'einstellungen', 'version',
    'software', 'quellcode', 'datenbank', 'server', 'anmeldung', 'benutzername', 'passwort', 'verwaltung', 'administrator',
  ],
  hardware: [...en.hardware, 'roboterbausatz', 'bausatz', 'set', 'sensor', 'motor', 'platine', 'löten', 'batterie', 'akku', 'montage', 'zusammenbauen', 'schrauben', 'räder'],
  jobs: [
    'wir suchen', 'stellenanzeige', 'stellenangebot', 'offene stelle', 'bewerbungsfrist', 'jetzt bewerben', 'bewirb dich', 'gehalt', 'stundenlohn', 'pro stunde', 'teilzeit', 'vollzeit', 'minijob'],
  leadership: ['führung', 'führungskraft', 'führungskräfte', 'vorgesetzte', 'mitarbeitergespräch', 'mitarbeitergespräche', 'einzelgespräch', 'teamleitung', 'delegieren', 'chef', 'dein team', 'mitarbeitende', 'management'],
  mentorSide: [
    'dein mentee', 'deine mentee', 'deinem mentee', 'deine mentees', 'als mentor', 'als mentorin', 'guter mentor', 'gute mentorin', 'mentor werden', 'mentorin werden',
    'neue mentoren', 'rolle des mentors', 'rolle der mentorin', 'mentoren sollten', 'mentor sollte', 'hilf deinem mentee', 'ihr mentee', 'ihrem mentee',
  ],
  menteeSide: ['dein mentor', 'deine mentorin', 'ihr mentor', 'als mentee', 'mentor finden', 'mentorin finden', 'bewerben', 'bewerber', 'bewerbende', 'deine bewerbung', 'praktikant', 'praktikum'],
  mention: [
    'startet', 'start', 'kündigt an', 'wir freuen uns', 'freuen uns', 'bewerbungsfrist', 'frist', 'jetzt anmelden', 'glückwunsch', 'herzlichen glückwunsch',
    'willkommen', 'lernen sie kennen', 'interview', 'veranstaltung', 'webinar', 'anmeldung', 'danke', 'video', 'aufzeichnung', 'termin', 'termine',
  ],
};
