/**
 * Passwords and password stems that top every published breach list (English and French),
 * plus the placeholders of our own documentation. The policy checks a password's stem against
 * these after folding case, look-alike digits and decorations ("P@ssw0rd2024!" is "password"),
 * so a short stem here also refuses its long variants. A small list on purpose: it catches the
 * guesses an attacker tries first, which is what matters behind the login throttle.
 */
const WORDS = `
123456 1234567 12345678 123456789 1234567890 12345 1234 123123 111111 000000 121212 654321 666666 696969
112233 123321 123654 147258 159753 987654321 0123456789 11111111 88888888 7777777 555555 131313 101010
password passw0rd passwd pass pwd secret letmein welcome welcome1 hello hello123 iloveyou lovely love
admin administrator root toor user guest test tester testing default changeme changeit master login
qwerty qwertz azerty azertyuiop qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qweasd qwe123 aze123
abc123 abcdef abcd1234 a1b2c3 aaaaaa abc xyz 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx q1w2e3r4
monkey dragon shadow sunshine princess football baseball soccer hockey basketball superman batman
trustno1 starwars pokemon naruto computer internet freedom whatever nothing secret123 mustang michael
jordan jennifer hunter ranger harley thomas robert daniel charlie andrew matthew joshua george jessica
ashley amanda summer winter spring autumn flower butterfly chocolate cookie cheese banana orange apple
pepper ginger tigger buster killer biteme fuckyou fuckoff asshole access blahblah blink182 maverick
matrix merlin silver golden diamond heaven angel angels anthony august bailey buster cheyenne
samsung google yahoo facebook linkedin instagram twitter microsoft windows linux ubuntu apple iphone
motdepasse mdp monmotdepasse soleil bonjour bonsoir salut coucou doudou chouchou loulou nounours
marseille paris lyon toulouse nantes bordeaux lille nice strasbourg montpellier rennes dijon grenoble
france francais lafrance allezlesbleus olympique om psg chocolat fromage amour jetaime jetadore
camille nicolas julien thomas alexandre maxime antoine pierre sebastien isabelle nathalie sophie
marie celine aurelie julie laura manon chloe emma lea lucas hugo louis jules arthur raphael gabriel
princesse chaton minou titi toto tata tutu papa maman famille bebe boubou biloute cheval vacances
azerty123 azerty1234 qwerty123 password1 password123 motdepasse1 soleil123 marseille13 123soleil
administrateur utilisateur invite bienvenue connexion secret0 confidentiel intranet
changemeplease changemetoo changemenow pleasechangeme
reuse reemploi reusedemo reemploidemo lacollecte emmaus emmausconnect recyclage ordinateur
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
