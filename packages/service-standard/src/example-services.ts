import type { Organisation, ServiceStandard } from './service-standard.js';

const LITHUANIA = 'http://publications.europa.eu/resource/authority/country/LTU';

const authority: Organisation = {
  id: 'municipality-education-department',
  name: {
    lt: 'Savivaldybės administracijos Švietimo skyrius',
    en: 'Education Department of the Municipal Administration',
  },
  spatial: LITHUANIA,
  homepage: 'https://municipality.example.org/',
};

const deskAddress = {
  lt: 'Savivaldybės administracija, Klientų aptarnavimo skyrius, 1 kab.',
  en: 'Municipal Administration, Customer Service Unit, room 1',
};
const officeHours = {
  lt: 'I–IV 8.00–17.00, V 8.00–15.45 (prieššventinėmis dienomis valanda trumpiau)',
  en: 'Mon–Thu 8:00–17:00, Fri 8:00–15:45 (one hour shorter before public holidays)',
};

/**
 * An example service standard of a Lithuanian municipality: three typical
 * education services, in Lithuanian and English.
 *
 * @remarks
 * Admission to a municipal pre-school institution through the centralised
 * admission system, a certificate of studies, and a complaint about an
 * education institution. Organisation names, addresses, e-mail addresses and
 * telephone numbers are placeholders (`example.org`, `+370 600 00000`); the
 * legal-basis IRIs are e-TAR searches by the act's register number (Law on
 * Education I-1489, Law on Public Administration VIII-1234), to be replaced by
 * the acts' e-TAR addresses. Deadlines follow the usual practice: 20 working
 * days for requests and complaints, with an extension of up to 10 working days
 * for complaints.
 *
 * @example
 * ```ts
 * EXAMPLE_SERVICES.map((s) => s.id); // => ['pre-school-admission', 'certificate-of-studies', 'complaint-about-education-institution']
 * EXAMPLE_SERVICES[0]?.languages; // => ['lt', 'en']
 * ```
 */
export const EXAMPLE_SERVICES: readonly ServiceStandard[] = [
  {
    id: 'pre-school-admission',
    name: {
      lt: 'Vaikų priėmimas į savivaldybės ikimokyklinio ugdymo įstaigas per centralizuotą priėmimo sistemą',
      en: 'Admission of children to municipal pre-school institutions through the centralised admission system',
    },
    description: {
      lt: 'Tėvai (globėjai) pateikia prašymą centralizuotoje elektroninėje sistemoje; vieta skiriama pagal eilę ir prioritetus, nustatytus savivaldybės tarybos patvirtintame priėmimo tvarkos apraše.',
      en: 'Parents or guardians apply in the centralised electronic system; places are allocated by queue and by the priorities set in the admission procedure approved by the municipal council.',
    },
    competentAuthority: authority,
    audience: [
      {
        lt: 'Savivaldybėje gyvenančių vaikų tėvai (globėjai)',
        en: 'Parents or guardians of children living in the municipality',
      },
    ],
    requirements: [
      {
        id: 'residence',
        title: {
          lt: 'Vaiko gyvenamoji vieta savivaldybėje',
          en: "The child's place of residence is in the municipality",
        },
      },
    ],
    legalBasis: [
      {
        id: 'law-on-education',
        title: {
          lt: 'Lietuvos Respublikos švietimo įstatymas',
          en: 'Law on Education of the Republic of Lithuania',
        },
        iri: 'https://www.e-tar.lt/portal/lt/legalActSearch?documentNumber=I-1489',
      },
    ],
    evidence: [
      {
        id: 'application',
        title: { lt: 'Prašymas sistemoje', en: 'Application in the system' },
      },
      {
        id: 'priority-documents',
        title: { lt: 'Pirmumą patvirtinantys dokumentai', en: 'Documents proving a priority' },
        description: {
          lt: 'Tik jei prašoma pirmumo (pvz., daugiavaikė šeima).',
          en: 'Only when a priority is claimed (for example a large family).',
        },
      },
    ],
    steps: [
      {
        id: 'apply',
        title: { lt: 'Prašymo pateikimas sistemoje', en: 'Application submitted in the system' },
        owner: { lt: 'Tėvai (globėjai)', en: 'Parents or guardians' },
      },
      {
        id: 'allocate',
        title: {
          lt: 'Vietos skyrimas pagal eilę ir prioritetus',
          en: 'Place allocated by queue and priorities',
        },
        owner: {
          lt: 'Švietimo skyriaus vyriausiasis specialistas',
          en: 'Chief specialist of the Education Department',
        },
        deadline: { amount: 15, unit: 'working-days' },
      },
      {
        id: 'contract',
        title: { lt: 'Ugdymo sutarties pasirašymas', en: 'Education contract signed' },
        owner: { lt: 'Įstaigos direktorius', en: 'Head of the institution' },
        deadline: { amount: 5, unit: 'working-days' },
      },
    ],
    processingTime: { amount: 20, unit: 'working-days' },
    costs: [],
    outputs: [
      {
        id: 'admission-decision',
        title: { lt: 'Sprendimas dėl vietos skyrimo', en: 'Decision on the allocation of a place' },
      },
    ],
    channels: [
      {
        id: 'e-service',
        type: 'e-service',
        openingHours: { lt: 'Visą parą', en: 'Round the clock' },
        contact: { url: 'https://admission.example.org/' },
      },
      {
        id: 'desk',
        type: 'in-person',
        openingHours: officeHours,
        contact: { address: deskAddress, telephone: '+370 600 00000' },
      },
    ],
    responsibleRole: { lt: 'Švietimo skyriaus vedėjas', en: 'Head of the Education Department' },
    languages: ['lt', 'en'],
    qualityCommitments: [
      {
        id: 'queue-visible',
        text: {
          lt: 'Eilės vietą matote sistemoje bet kuriuo metu.',
          en: 'You can see your place in the queue in the system at any time.',
        },
        norm: 'transparency',
      },
    ],
  },
  {
    id: 'certificate-of-studies',
    name: { lt: 'Pažymos apie mokymąsi išdavimas', en: 'Issue of a certificate of studies' },
    description: {
      lt: 'Mokykla išduoda pažymą, kad mokinys mokosi (mokėsi) mokykloje, nurodydama klasę ir mokymosi laikotarpį.',
      en: 'The school issues a certificate that the pupil studies (studied) there, stating the grade and the period.',
    },
    competentAuthority: authority,
    provider: {
      id: 'general-school',
      name: {
        lt: 'Savivaldybės bendrojo ugdymo mokykla',
        en: 'Municipal general education school',
      },
      spatial: LITHUANIA,
    },
    audience: [
      {
        lt: 'Mokiniai ir jų tėvai (globėjai), buvę mokiniai',
        en: 'Pupils, their parents or guardians, and former pupils',
      },
    ],
    requirements: [],
    legalBasis: [
      {
        id: 'law-on-education',
        title: {
          lt: 'Lietuvos Respublikos švietimo įstatymas',
          en: 'Law on Education of the Republic of Lithuania',
        },
        iri: 'https://www.e-tar.lt/portal/lt/legalActSearch?documentNumber=I-1489',
      },
    ],
    evidence: [
      { id: 'request', title: { lt: 'Prašymas (laisvos formos)', en: 'Request (free form)' } },
    ],
    steps: [
      {
        id: 'prepare',
        title: { lt: 'Pažymos parengimas ir pasirašymas', en: 'Certificate prepared and signed' },
        owner: { lt: 'Mokyklos raštinės vedėjas', en: 'School office manager' },
        deadline: { amount: 3, unit: 'working-days' },
      },
    ],
    processingTime: { amount: 5, unit: 'working-days' },
    costs: [],
    outputs: [
      { id: 'certificate', title: { lt: 'Pažyma apie mokymąsi', en: 'Certificate of studies' } },
    ],
    channels: [
      {
        id: 'email',
        type: 'email',
        contact: { email: 'school@example.org' },
      },
      {
        id: 'office',
        type: 'in-person',
        openingHours: { lt: 'I–V 8.00–16.00', en: 'Mon–Fri 8:00–16:00' },
        contact: { address: { lt: 'Mokyklos raštinė', en: 'School office' } },
      },
    ],
    responsibleRole: { lt: 'Mokyklos direktorius', en: 'School principal' },
    languages: ['lt', 'en'],
    qualityCommitments: [
      {
        id: 'same-day-when-possible',
        text: {
          lt: 'Jei įmanoma, pažymą išduodame tą pačią dieną.',
          en: 'Where possible, we issue the certificate the same day.',
        },
      },
    ],
  },
  {
    id: 'complaint-about-education-institution',
    name: {
      lt: 'Skundo dėl švietimo įstaigos nagrinėjimas',
      en: 'Handling of a complaint about an education institution',
    },
    description: {
      lt: 'Švietimo skyrius išnagrinėja skundą dėl savivaldybės švietimo įstaigos veiklos ir atsako pareiškėjui.',
      en: 'The Education Department examines a complaint about the activity of a municipal education institution and replies to the complainant.',
    },
    competentAuthority: authority,
    audience: [{ lt: 'Visi asmenys', en: 'Anyone' }],
    requirements: [],
    legalBasis: [
      {
        id: 'law-on-public-administration',
        title: {
          lt: 'Lietuvos Respublikos viešojo administravimo įstatymas',
          en: 'Law on Public Administration of the Republic of Lithuania',
        },
        iri: 'https://www.e-tar.lt/portal/lt/legalActSearch?documentNumber=VIII-1234',
      },
    ],
    evidence: [
      {
        id: 'complaint',
        title: { lt: 'Skundas', en: 'Complaint' },
        description: {
          lt: 'Nurodomas pareiškėjo vardas, pavardė, kontaktai ir skundo esmė.',
          en: "States the complainant's name, contact details and the substance of the complaint.",
        },
      },
    ],
    steps: [
      {
        id: 'register',
        title: { lt: 'Skundo registravimas', en: 'Complaint registered' },
        owner: { lt: 'Raštinės specialistas', en: 'Registry specialist' },
        deadline: { amount: 1, unit: 'working-days', countFrom: 'receipt' },
      },
      {
        id: 'extension-notice',
        title: {
          lt: 'Pranešimas apie termino pratęsimą (jei reikia)',
          en: 'Notice of an extension of the deadline (when needed)',
        },
        owner: { lt: 'Švietimo skyriaus vedėjas', en: 'Head of the Education Department' },
        deadline: { amount: 2, unit: 'working-days' },
      },
      {
        id: 'examine',
        title: { lt: 'Skundo išnagrinėjimas ir atsakymas', en: 'Complaint examined and answered' },
        owner: {
          lt: 'Švietimo skyriaus vyriausiasis specialistas',
          en: 'Chief specialist of the Education Department',
        },
        deadline: { amount: 20, unit: 'working-days' },
      },
    ],
    processingTime: { amount: 20, unit: 'working-days' },
    costs: [],
    outputs: [{ id: 'reply', title: { lt: 'Motyvuotas atsakymas', en: 'Reasoned reply' } }],
    channels: [
      { id: 'email', type: 'email', contact: { email: 'education@example.org' } },
      {
        id: 'desk',
        type: 'in-person',
        openingHours: officeHours,
        contact: { address: deskAddress },
      },
      {
        id: 'phone',
        type: 'phone',
        openingHours: officeHours,
        contact: { telephone: '+370 600 00000' },
      },
    ],
    responsibleRole: { lt: 'Švietimo skyriaus vedėjas', en: 'Head of the Education Department' },
    languages: ['lt', 'en'],
    qualityCommitments: [
      {
        id: 'reply-in-time',
        text: {
          lt: 'Atsakome per 20 darbo dienų; jei terminą reikia pratęsti, pranešame per 2 darbo dienas.',
          en: 'We reply within 20 working days; if the deadline must be extended, we tell you within 2 working days.',
        },
        norm: 'response-time',
      },
    ],
  },
];
