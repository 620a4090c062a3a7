import type { FastifyInstance } from 'fastify';

/** Builder of a registration body: `aPatient().named('DUPONT', 'MARIE').bornOn('1980-02-29').build()`. */
export function aPatient() {
  const body: Record<string, unknown> = {
    birthName: 'MARTIN',
    birthGivenNames: ['JEANNE'],
    birthDate: '1980-05-17',
    sex: 'F',
    birthPlaceCode: '75056',
  };
  const builder = {
    named(birthName: string, ...givenNames: string[]) {
      body.birthName = birthName;
      if (givenNames.length) body.birthGivenNames = givenNames;
      return builder;
    },
    bornOn(date: string) {
      body.birthDate = date;
      return builder;
    },
    sex(sex: 'M' | 'F' | 'I') {
      body.sex = sex;
      return builder;
    },
    with(fields: Record<string, unknown>) {
      Object.assign(body, fields);
      return builder;
    },
    build() {
      return { ...body };
    },
    /** Registers it through the API, acknowledging any duplicate candidate, and returns its id. */
    async register(app: FastifyInstance, cookie: string): Promise<string> {
      let response = await app.inject({
        method: 'POST',
        url: '/api/patients',
        headers: { cookie },
        payload: body,
      });
      if (response.statusCode === 409 && response.json().error.code === 'possible_duplicates') {
        const ids = response
          .json()
          .error.details.candidates.map((c: { patient: { id: string } }) => c.patient.id);
        response = await app.inject({
          method: 'POST',
          url: '/api/patients',
          headers: { cookie },
          payload: { ...body, acknowledgedDuplicates: ids },
        });
      }
      if (response.statusCode !== 201)
        throw new Error(`register failed: ${response.statusCode} ${response.body}`);
      return response.json().id;
    },
  };
  return builder;
}
