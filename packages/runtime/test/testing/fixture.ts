/** A small pet API for the testing-kit tests: descriptors as the generator writes them, plus their test data. */
import { encodeRequest, type OperationDescriptor } from "../../src/index.ts";
import { createMock, type MockDefinition, type MockOptions, type OperationMock } from "../../src/testing/index.ts";

export interface Pet {
  id: number;
  name: string;
}
export interface GetPetInput {
  petId: number;
  verbose?: boolean;
  queryName?: string;
  "X-Trace"?: string;
}
export interface CreatePetInput {
  ownerId: string;
  name: string;
  bodyOwnerId?: string;
  tags?: string[];
}

const getPet: OperationDescriptor = {
  encode: encodeRequest,
  id: "get_pet",
  method: "get",
  path: "/pets/{petId}",
  params: {
    petId: { in: "path" },
    verbose: { in: "query" },
    queryName: { in: "query", name: "name" },
    "X-Trace": { in: "header" },
  },
};
// `ownerId` is a path parameter and a body field: the body field is renamed `bodyOwnerId` (see input-model.ts).
const createPet: OperationDescriptor = {
  encode: encodeRequest,
  id: "create_pet",
  method: "post",
  path: "/owners/{ownerId}/pets",
  params: { ownerId: { in: "path" } },
  body: { required: true, names: { bodyOwnerId: "ownerId" } },
  idempotent: false,
};
const deletePet: OperationDescriptor = {
  encode: encodeRequest,
  id: "delete_pet",
  method: "delete",
  path: "/pets/{petId}",
  params: { petId: { in: "path" } },
};

export const definition: MockDefinition = {
  baseUrl: "https://api.pets.test/v1",
  operations: { getPet, createPet, deletePet },
  data: {
    operations: {
      getPet: {
        status: 200,
        contentType: "application/json",
        example: { id: 1, name: "Rex" },
        params: {
          petId: { required: true, type: "integer" },
          verbose: { type: "boolean" },
          queryName: {},
          "X-Trace": { required: true },
        },
      },
      createPet: {
        status: 201,
        contentType: "application/json",
        example: { id: 2, name: "Tom" },
        errors: { "4XX": { error: "bad" } },
        body: { $ref: "#/$defs/NewPet" },
        params: { ownerId: { required: true } },
      },
      deletePet: { status: 204, params: { petId: { required: true, type: "integer" } } },
    },
    $defs: {
      NewPet: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          ownerId: { type: "string" },
          tags: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

export interface PetMock {
  handlers: ReturnType<typeof createMock>["handlers"];
  reset(): void;
  getPet: OperationMock<GetPetInput, Pet, { error: string }>;
  createPet: OperationMock<CreatePetInput, Pet, { error: string }>;
  deletePet: OperationMock<{ petId: number }, undefined>;
}

export const createPetMock = (options?: MockOptions) => createMock(definition, options) as unknown as PetMock;
export const descriptors = { getPet, createPet, deletePet };
