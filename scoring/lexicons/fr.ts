// French lexicons (natural's French stemmer). Inclusive forms ("mentor·e·s", "mentoré·es") tokenise
// to a word and its endings.
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const fr: Lexicon = {
  core: [
    'mentor', 'mentore', 'mentors', 'mentores', 'mentorat', 'mentorats', 'mentoré', 'mentorée', 'mentorés', 'mentorées', 'mentee', 'mentees', 'parrain',
    'parrains', 'marraine', 'marraines', 'parrainage', 'filleul', 'filleule', 'filleuls', 'programme de mentorat', 'relation de mentorat', 'binôme', 'binômes',
    'mentoring', 'mentorat entre pairs', 'séance de mentorat',
  ],
  mentorGuidance: [
    'première rencontre', 'premier rendez-vous', 'premier entretien', 'première séance', 'faire connaissance', 'écouter', 'écoute', 'écoute active',
    'poser des questions', 'questions ouvertes', 'fixer des objectifs', 'objectifs', 'attentes', 'clarifier les attentes', 'retour', 'retours', 'feedback',
    'donner du feedback', 'constructif', 'tenir ses promesses', 'tenir vos promesses', 'tenir ses engagements', 'honnête', 'limites', 'poser des limites',
    'se rencontrer régulièrement', 'rencontres régulières', 'rendez-vous réguliers', 'chaque semaine', 'toutes les deux semaines', 'disponible', 'disponibilité',
    'confidentialité', 'confidentiel', 'confiance', 'sécurité', 'empathie', 'patience', 'patient', 'encourager', 'encouragement', 'soutien', 'soutenir',
    'votre mentoré', 'votre filleul', 'en tant que mentor', 'bon mentor', 'bonne marraine', 'devenir mentor', 'nouveau mentor', 'nouveaux mentors', 'modèle',
    'partager son expérience', 'partager vos expériences', 'expérience', 'expériences', 'conseils', 'accompagnement', 'accompagner', 'carrière', 'développement',
    'apprentissage', 'apprendre', 'progrès', 'célébrer', 'erreurs', 'questions', 'communication', 'temps', 'engagement', 'motivation', 'motiver', 'défi',
    'défis', 'réflexion', 'réfléchir', 'respect', 'clôture', 'fin de la relation', 'conversation', 'réseau',
  ],
  programGuidance: [
    'programme', 'programmes', 'finalité', 'objectif du programme', 'recruter', 'recrutement', 'recruter des mentors', 'mise en relation', 'appariement', 'jumelage',
    'constituer les binômes', 'binômes', 'coordinateur', 'coordinatrice', 'coordination', 'responsable du programme', 'chargé de mission', 'formation',
    'formation des mentors', 'former', 'accueil', 'suivi', 'assurer le suivi', 'évaluer', 'évaluation', 'évaluations', 'questionnaire', 'enquête', 'mesurer',
    'résultats', 'impact', 'promotion', 'cohorte', 'lancement', 'réunion de lancement', 'candidature', 'candidatures', 'sélection', 'critères', 'calendrier',
    'pilote', 'budget', 'participants', 'charte', 'lignes directrices', 'convention', 'conflit', 'conflits', 'bénévoles', 'mentors bénévoles', 'organisation',
    'structure', 'capacité',
  ],
  actionability: [
    'étape', 'étapes', 'étape par étape', 'liste de contrôle', 'checklist', 'modèle', 'modèles', 'boîte à outils', 'outils', 'télécharger', 'téléchargement',
    'fiche', 'fiches', 'ordre du jour', 'exemple', 'exemples', 'par exemple', 'conseil', 'astuces', 'comment', 'pensez à', 'évitez', 'éviter', 'recommandons',
    'nous conseillons', 'proposons', 'guide', 'manuel', 'plan', 'exercice', 'activité', 'activités', 'cadre', 'formulaire', 'ressources',
  ],
  coaching: ['coach', 'coachs', 'coaching', 'coaché', 'coachée', 'séance de coaching', 'modèle grow', 'facilitation', 'facilitateur', 'facilitatrice', 'scrum', 'scrum master', 'rétrospective', 'coach de vie'],
  tutoring: [
    'soutien scolaire', 'aide aux devoirs', 'devoirs', 'cours particuliers', 'tutorat', 'professeur', 'professeurs', 'enseignant', 'élève', 'élèves', 'programme scolaire', 'examen', 'examens', 'maths', 'mathématiques', 'salle de classe'],
  onboarding: [
    'onboarding', 'intégration', 'accueil des nouveaux', 'nouveau collaborateur', 'nouveaux collaborateurs', 'nouvel employé', 'nouveaux salariés', 'premier jour',
    'première semaine', 'parcours d intégration', 'livret d accueil', 'ressources humaines', 'rh', 'salaire', 'salarié', 'salariés', 'collaborateur',
    'collaborateurs', 'période d essai', 'poste de travail', 'ordinateur', 'accès',
  ],
  tech: [
    ...en.tech, 'installer', 'configuration', 'configurer', 'commande', 'commandes', 'ligne de commande', 'paramètres', 'logiciel', 'code source',
    'base de données', 'serveur', 'connexion', 'identifiant', 'mot de passe', 'administration', 'administrateur',
  ],
  hardware: [...en.hardware, 'kit robotique', 'robotique', 'capteur', 'capteurs', 'moteur', 'carte', 'souder', 'soudure', 'batterie', 'montage', 'assembler', 'vis', 'roues'],
  jobs: [
    'nous recrutons', 'offre d emploi', 'poste à pourvoir', 'date limite de candidature', 'profil recherché',
    'rémunération', 'de l heure', 'temps partiel', 'temps plein', 'cdi', 'cdd', 'lettre de motivation',
  ],
  leadership: ['leadership', 'leader', 'manager', 'managers', 'management', 'encadrement', 'entretien individuel', 'entretiens individuels', 'one to one', 'chef d équipe', 'déléguer', 'votre équipe', 'collaborateurs'],
  mentorSide: [
    'votre mentoré', 'votre mentorée', 'vos mentorés', 'votre filleul', 'votre filleule', 'en tant que mentor', 'bon mentor', 'bonne mentore', 'devenir mentor',
    'devenir marraine', 'devenir parrain', 'nouveau mentor', 'nouveaux mentors', 'rôle du mentor', 'le mentor doit', 'les mentors doivent', 'aidez votre mentoré',
  ],
  menteeSide: ['votre mentor', 'votre parrain', 'votre marraine', 'en tant que mentoré', 'trouver un mentor', 'candidater', 'candidats', 'votre candidature', 'stagiaire', 'stagiaires', 'stage'],
  mention: [
    'lance', 'lancement', 'annonce', 'annonçons', 'nous sommes ravis', 'heureux de', 'date limite', 'inscrivez-vous', 'inscription', 'inscriptions', 'félicitations',
    'bienvenue', 'rencontrez', 'portrait', 'entretien', 'événement', 'webinaire', 'merci', 'vidéo', 'enregistrement', 'dates',
  ],
};
