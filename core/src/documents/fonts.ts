/** The Mincho-class East Asian font the documents name (not embedded: office software substitutes a Mincho it has). */
export const MINCHO_FONT = 'IPAex明朝';
